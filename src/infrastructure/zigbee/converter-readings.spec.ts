import { NUMERIC_FIELDS } from '../../domain/metering/protocols/zigbee/zigbee-state-fields.js';
import { zigbee2mqttDecoder } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { convertedValues } from './converter-readings.js';

const context = { gatewayId: 'gw-1', receivedAt: '2025-03-01T12:00:00.000Z' };

/** What the zigbee2mqtt decoder makes of a device state holding only `key` (a single-phase device). */
function viaZigbee2Mqtt(
  key: string,
  value: unknown,
): { quantity: string; phase?: string; tariff?: number; value: number }[] {
  const outcome = zigbee2mqttDecoder.decode(
    { kind: 'zigbee2mqtt', topic: 'zigbee2mqtt/plug', message: { [key]: value } },
    context,
  );
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return outcome.readings.map(({ quantity, phase, tariff, value: v }) => ({
    quantity,
    value: v,
    ...(phase ? { phase } : {}),
    ...(tariff ? { tariff } : {}),
  }));
}

describe('one state-key table for converter output and zigbee2mqtt messages', () => {
  it.each(Object.keys(NUMERIC_FIELDS))('%s means the same quantity, phase and tariff in both decoders', (key) => {
    const converted = convertedValues({ [key]: 230.5 }).map(({ quantity, phase, tariff, value }) => ({
      quantity,
      value,
      ...(phase ? { phase } : {}),
      ...(tariff ? { tariff } : {}),
    }));
    expect(converted).toHaveLength(1);
    expect(converted).toEqual(viaZigbee2Mqtt(key, 230.5));
  });

  it('reads the relay state with the same vocabulary', () => {
    for (const state of ['ON', 'OFF', 'TOGGLE']) {
      expect(convertedValues({ state }).map((v) => v.value)).toEqual(
        viaZigbee2Mqtt('state', state).map((r) => r.value),
      );
    }
  });

  it('keeps the plain key without a phase on the converter side, where one report cannot tell a multi-phase device', () => {
    expect(convertedValues({ voltage: 231, voltage_phase_b: 229 }).map((v) => v.phase)).toEqual([undefined, 'L2']);
  });
});
