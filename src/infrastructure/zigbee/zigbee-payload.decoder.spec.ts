import { pino } from 'pino';
import type { Definition } from 'zigbee-herdsman-converters';
import type { DecodeOutcome } from '../../domain/metering/protocols/payload-decoder.js';
import { ZigbeePayloadDecoder, type DefinitionLookup } from './zigbee-payload.decoder.js';

const logger = pino({ level: 'silent' });
const context = { gatewayId: 'gw-1', receivedAt: '2026-03-01T12:00:05.000Z' };
const measuredAt = '2026-03-01T12:00:00.000Z';

function payload(overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: 'zigbee',
    ieee: '0x842e14fffe5b1a01',
    endpoint: 1,
    cluster: 'haElectricalMeasurement',
    type: 'attributeReport',
    data: {},
    modelId: 'INSPELNING Smart plug',
    manufacturerName: 'IKEA of Sweden',
    linkquality: 120,
    measuredAt,
    meta: {},
    ...overrides,
  };
}

async function decodeOne(decoder: ZigbeePayloadDecoder, input: Record<string, unknown>): Promise<DecodeOutcome> {
  await decoder.prepare([input]);
  return decoder.decode(input, context);
}

function values(outcome: DecodeOutcome): Record<string, number> {
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return Object.fromEntries(outcome.readings.map((r) => [r.sensorId, r.value]));
}

describe('ZigbeePayloadDecoder with the real zigbee-herdsman-converters definitions', () => {
  it('scales electrical measurements with the multipliers and divisors the agent sent along', async () => {
    const decoder = new ZigbeePayloadDecoder({ logger });
    const data = { activePower: 1234, rmsVoltage: 2314, rmsCurrent: 540 };
    const scaled = await decodeOne(
      decoder,
      payload({
        data,
        meta: {
          haElectricalMeasurement: {
            acPowerMultiplier: 1,
            acPowerDivisor: 10,
            acVoltageMultiplier: 1,
            acVoltageDivisor: 10,
            acCurrentMultiplier: 1,
            acCurrentDivisor: 1000,
          },
        },
      }),
    );
    expect(values(scaled)).toEqual({
      'zigbee:0x842e14fffe5b1a01/1/power': 123.4,
      'zigbee:0x842e14fffe5b1a01/1/voltage': 231.4,
      'zigbee:0x842e14fffe5b1a01/1/current': 0.54,
    });
    const unscaled = decoder.decode(payload({ data }), context);
    expect(values(unscaled)['zigbee:0x842e14fffe5b1a01/1/power']).toBe(1234);
  });

  it('builds complete canonical readings', async () => {
    const outcome = await decodeOne(
      new ZigbeePayloadDecoder({ logger }),
      payload({
        cluster: 'seMetering',
        data: { currentSummDelivered: 45678 },
        meta: { seMetering: { multiplier: 1, divisor: 1000 } },
      }),
    );
    expect(outcome).toEqual({
      ok: true,
      readings: [
        {
          sensorId: 'zigbee:0x842e14fffe5b1a01/1/energyImported',
          nodeId: 'zigbee:0x842e14fffe5b1a01',
          gatewayId: 'gw-1',
          quantity: 'energyImported',
          unit: 'kWh',
          value: 45.678,
          measuredAt,
          receivedAt: context.receivedAt,
          source: { protocol: 'zigbee', cluster: 'seMetering', model: 'E22xx' },
        },
      ],
    });
  });

  it('uses a divisor from the attribute cache for the Develco ZHEMI101 meter interface', async () => {
    const decoder = new ZigbeePayloadDecoder({ logger });
    const meter = (ieee: string, divisor: number): Record<string, unknown> =>
      payload({
        ieee,
        endpoint: 2,
        cluster: 'seMetering',
        data: { currentSummDelivered: 5000, instantaneousDemand: 1520 },
        modelId: 'ZHEMI101',
        manufacturerName: 'Develco Products A/S',
        meta: {
          seMetering: {
            multiplier: 1,
            divisor,
            unitOfMeasure: 0,
            meteringDeviceType: 0,
            summaFormatting: 0x23,
            demandFormatting: 0x23,
          },
        },
      });
    expect(values(await decodeOne(decoder, meter('0x0015bc001a0000c1', 1000)))).toEqual({
      'zigbee:0x0015bc001a0000c1/2/energyImported': 5,
      'zigbee:0x0015bc001a0000c1/2/power': 1520,
    });
    expect(values(decoder.decode(meter('0x0015bc001a0000c2', 100), context))).toEqual({
      'zigbee:0x0015bc001a0000c2/2/energyImported': 50,
      'zigbee:0x0015bc001a0000c2/2/power': 15200,
    });
  });

  it('turns genOnOff into a switch state and temperatures into °C', async () => {
    const decoder = new ZigbeePayloadDecoder({ logger });
    const plug = payload({
      ieee: '0xa4c1387f1c2d3e01',
      cluster: 'genOnOff',
      type: 'readResponse',
      data: { onOff: 0 },
      modelId: 'TS011F',
      manufacturerName: '_TZ3000_cphmq0q7',
    });
    const sensor = payload({
      ieee: '0x00124b0022a1b2c3',
      cluster: 'msTemperatureMeasurement',
      data: { measuredValue: -250 },
      modelId: 'TH01',
      manufacturerName: 'eWeLink',
    });
    await decoder.prepare([plug, sensor]);
    const state = decoder.decode(plug, context);
    expect(state.ok && state.readings[0]).toMatchObject({
      quantity: 'switchState',
      unit: '1',
      value: 0,
      source: { model: 'TS011F_plug_1' },
    });
    expect(values(decoder.decode(sensor, context))).toEqual({ 'zigbee:0x00124b0022a1b2c3/1/temperature': -2.5 });
  });

  it('answers an empty reading list for attributes that are not measurements', async () => {
    const outcome = await decodeOne(
      new ZigbeePayloadDecoder({ logger }),
      payload({ cluster: 'haElectricalMeasurement', type: 'readResponse', data: { acPowerDivisor: 10 } }),
    );
    expect(outcome).toEqual({ ok: true, readings: [] });
  });

  it('refuses models the library does not know, and looks each model up once', async () => {
    const asked: string[] = [];
    const lookUp: DefinitionLookup = async (modelId) => {
      asked.push(modelId);
      return Promise.resolve(undefined);
    };
    const decoder = new ZigbeePayloadDecoder({ logger, lookUp });
    const unknown = payload({ modelId: 'NoSuchModel', manufacturerName: 'Nobody' });
    await decoder.prepare([unknown, unknown]);
    await decoder.prepare([unknown]);
    expect(asked).toEqual(['NoSuchModel']);
    expect(decoder.decode(unknown, context)).toEqual({
      ok: false,
      reason: 'unknown_model',
      message: expect.stringContaining('no definition for model "NoSuchModel" from "Nobody"'),
    });
  });

  it('refuses a payload whose model was never prepared', () => {
    const outcome = new ZigbeePayloadDecoder({ logger }).decode(payload({}), context);
    expect(outcome).toMatchObject({ ok: false, reason: 'unknown_model' });
  });

  it.each([
    ['a wrong kind', { kind: 'dsmr' }],
    ['a malformed ieee', { ieee: 'plug-1' }],
    ['endpoint 0', { endpoint: 0 }],
    ['a command type', { type: 'commandOn' }],
    ['no model id', { modelId: undefined }],
    ['a bad time', { measuredAt: 'yesterday' }],
    ['a malformed meta', { meta: { seMetering: { divisor: [10] } } }],
  ])('refuses a payload with %s', (_, overrides) => {
    const outcome = new ZigbeePayloadDecoder({ logger }).decode(payload(overrides), context);
    expect(outcome).toMatchObject({ ok: false, reason: 'bad_payload' });
  });

  it('answers converter_error when a converter throws', async () => {
    const failing = {
      model: 'BROKEN-1',
      vendor: 'Test',
      fromZigbee: [
        {
          cluster: 'seMetering',
          type: ['attributeReport'],
          convert: () => {
            throw new Error('boom');
          },
        },
      ],
    } as unknown as Definition;
    const decoder = new ZigbeePayloadDecoder({ logger, lookUp: async () => Promise.resolve(failing) });
    const outcome = await decodeOne(
      decoder,
      payload({ cluster: 'seMetering', data: { currentSummDelivered: 1 }, modelId: 'BROKEN' }),
    );
    expect(outcome).toEqual({
      ok: false,
      reason: 'converter_error',
      message: 'BROKEN-1 converter for seMetering failed: boom',
    });
  });

  it('strips the endpoint name multi-endpoint definitions append, keeping the endpoint in the sensor id', async () => {
    const twoGang = {
      model: 'TWO-GANG',
      vendor: 'Test',
      meta: { multiEndpoint: true },
      endpoint: () => ({ left: 1, right: 2 }),
      fromZigbee: [
        { cluster: 'genOnOff', type: 'attributeReport', convert: () => ({ state_right: 'ON', power_right: 12.5 }) },
      ],
    } as unknown as Definition;
    const decoder = new ZigbeePayloadDecoder({ logger, lookUp: async () => Promise.resolve(twoGang) });
    const outcome = await decodeOne(
      decoder,
      payload({ endpoint: 2, cluster: 'genOnOff', data: { onOff: 1 }, modelId: 'TWO' }),
    );
    expect(values(outcome)).toEqual({
      'zigbee:0x842e14fffe5b1a01/2/switchState': 1,
      'zigbee:0x842e14fffe5b1a01/2/power': 12.5,
    });
  });
});
