import {
  containsUnstorableText,
  frameEvent as frameEventWith,
  type DecoderLookup,
  type GatewayFrame,
} from './gateway-frame.js';
import { refused, type PayloadDecoder } from './protocols/payload-decoder.js';
import { zigbee2mqttDecoder } from './protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';

const AT = '2026-03-01T12:00:00.000Z';
/** Every payload kept as it is: this module refuses all, so the frame-level rules show on their own. */
const refuseAll: PayloadDecoder = { protocol: 'x', decode: (p) => refused('nope', `refused ${JSON.stringify(p)}`) };
const acceptAll: PayloadDecoder = { protocol: 'x', decode: () => ({ ok: true, readings: [] }) };
const only =
  (decoder: PayloadDecoder): DecoderLookup =>
  () =>
    decoder;
const frameEvent = (gatewayId: string, networkType: string | undefined, frame: GatewayFrame, at: string) =>
  frameEventWith(gatewayId, networkType, frame, at, only(acceptAll));

describe('frameEvent', () => {
  it('keeps a frame whole: attributable payloads and the rest, in one event', () => {
    const event = frameEvent(
      'gw',
      'zigbee',
      { kind: 'readings', seq: 4, payloads: [{ kind: 'zigbee', v: 1 }, null, { kind: 'dsmr' }] },
      AT,
    );
    expect(event).toEqual({
      type: 'ReadingsReported',
      data: {
        gatewayId: 'gw',
        sequence: 4,
        networkType: 'zigbee',
        readings: [],
        undecoded: [
          { index: 1, reason: 'not_an_object', payload: null },
          { index: 2, reason: 'kind_mismatch', payload: { kind: 'dsmr' } },
        ],
        receivedAt: AT,
      },
    });
  });

  it('an empty frame of a known gateway is an empty ReadingsReported (a heartbeat still takes its revision)', () => {
    expect(frameEvent('gw', 'modbus', { kind: 'readings', seq: 0, payloads: [] }, AT).type).toBe('ReadingsReported');
  });

  it('keeps text Postgres would refuse as its JSON, which escapes it', () => {
    const lone = { kind: 'zigbee', name: 'ab\ud800' };
    const event = frameEvent('gw', 'zigbee', { kind: 'readings', seq: 0, payloads: [lone] }, AT);
    expect(event.type).toBe('UndecodedPayloadReceived');
    const rawJson = (event.data as unknown as { undecoded: { rawJson: string }[] }).undecoded[0]!.rawJson;
    expect(rawJson).toBe('{"kind":"zigbee","name":"ab\\ud800"}');
    expect(containsUnstorableText(rawJson)).toBe(false);
    expect(JSON.parse(rawJson)).toEqual(lone);
  });

  it('finds unstorable text in keys and deep values, and accepts proper surrogate pairs', () => {
    expect(containsUnstorableText({ a: [{ 'k\u0000': 1 }] })).toBe(true);
    expect(containsUnstorableText([[['\udc00x']]])).toBe(true);
    expect(containsUnstorableText({ emoji: '⚡🔌', n: 1, ok: true, none: null })).toBe(false);
  });

  it('a node event keeps its own fields, or becomes undecoded when it carries unstorable text', () => {
    expect(frameEvent('gw', 'zigbee', { kind: 'node_event', seq: 2, event: 'left', nodeId: 'n1' }, AT)).toEqual({
      type: 'NodeEventReported',
      data: { gatewayId: 'gw', sequence: 2, event: 'left', nodeId: 'n1', receivedAt: AT },
    });
    const bad = frameEvent('gw', 'zigbee', { kind: 'node_event', seq: 3, event: 'joined', nodeId: 'n\u0000' }, AT);
    expect(bad).toMatchObject({
      type: 'UndecodedPayloadReceived',
      data: { sequence: 3, undecoded: [{ reason: 'unstorable_text' }] },
    });
  });

  it("decodes attributable payloads with the network type's module into stored readings without gateway and receipt time", () => {
    const message = {
      kind: 'zigbee2mqtt',
      topic: 'zigbee2mqtt/plug',
      message: { power: 120.5, state: 'ON' },
      measuredAt: '2026-03-01T11:59:59.000Z',
    };
    const event = frameEventWith('gw', 'zigbee2mqtt', { kind: 'readings', seq: 1, payloads: [message] }, AT, (t) =>
      t === 'zigbee2mqtt' ? zigbee2mqttDecoder : undefined,
    );
    expect(event.type).toBe('ReadingsReported');
    const readings = (event.data as unknown as { readings: Record<string, unknown>[] }).readings;
    expect(readings.map((r) => [r.quantity, r.value, r.unit, r.measuredAt])).toEqual([
      ['power', 120.5, 'W', '2026-03-01T11:59:59.000Z'],
      ['switchState', 1, '1', '2026-03-01T11:59:59.000Z'],
    ]);
    expect(readings.every((r) => !('gatewayId' in r) && !('receivedAt' in r))).toBe(true);
  });

  it('keeps what the module refuses, with its reason, and a frame with nothing decoded is UndecodedPayloadReceived', () => {
    const event = frameEventWith(
      'gw',
      'dsmr',
      { kind: 'readings', seq: 2, payloads: [{ kind: 'dsmr', telegram: 'x' }] },
      AT,
      only(refuseAll),
    );
    expect(event).toEqual({
      type: 'UndecodedPayloadReceived',
      data: {
        gatewayId: 'gw',
        sequence: 2,
        networkType: 'dsmr',
        undecoded: [
          {
            index: 0,
            reason: 'refused_by_decoder',
            payload: { kind: 'dsmr', telegram: 'x' },
            decoderReason: 'nope',
            message: 'refused {"kind":"dsmr","telegram":"x"}',
          },
        ],
        receivedAt: AT,
      },
    });
  });

  it('a module that throws loses nothing: the payload is kept as refused with the error', () => {
    const throwing: PayloadDecoder = {
      protocol: 'x',
      decode: () => {
        throw new Error('boom');
      },
    };
    const event = frameEventWith(
      'gw',
      'modbus',
      { kind: 'readings', seq: 3, payloads: [{ kind: 'modbus', a: 1 }] },
      AT,
      only(throwing),
    );
    expect(event.data).toMatchObject({
      undecoded: [
        {
          reason: 'refused_by_decoder',
          decoderReason: 'decoder_error',
          message: 'boom',
          payload: { kind: 'modbus', a: 1 },
        },
      ],
    });
  });

  it('without a module for the network type the payloads are kept as no_decoder', () => {
    const event = frameEventWith(
      'gw',
      'modbus',
      { kind: 'readings', seq: 4, payloads: [{ kind: 'modbus' }] },
      AT,
      () => undefined,
    );
    expect(event).toMatchObject({
      type: 'UndecodedPayloadReceived',
      data: { undecoded: [{ index: 0, reason: 'no_decoder' }] },
    });
  });
});
