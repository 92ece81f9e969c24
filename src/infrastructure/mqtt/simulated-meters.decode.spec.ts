import { zigbee2mqttDecoder } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { SimulatedMetersSource } from '../simulation/simulated-meters.source.js';

// The simulator speaks zigbee2mqtt so the demo gateway needs no radio; the decoder must read every payload it sends.
describe('simulated meters through the zigbee2mqtt decoder', () => {
  it('decodes each simulated meter into power, energy, voltage and current readings', () => {
    const payloads: Record<string, unknown>[] = [];
    const at = new Date('2025-03-01T18:30:00.000Z');
    new SimulatedMetersSource({ gatewayId: 'gw-sim', meters: 3, intervalMs: 1000, now: () => at }).report({
      push: (payload) => payloads.push(payload as Record<string, unknown>) > 0,
    });
    expect(payloads).toHaveLength(3);
    payloads.forEach((payload, i) => {
      const outcome = zigbee2mqttDecoder.decode(payload, {
        gatewayId: 'gw-sim',
        receivedAt: '2025-03-01T18:30:02.000Z',
      });
      if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
      const message = payload.message as Record<string, number>;
      const node = `zigbee2mqtt:gw-sim/meter-${i + 1}`;
      expect(Object.fromEntries(outcome.readings.map((r) => [r.sensorId, r.value]))).toEqual({
        [`${node}/power`]: message.power,
        [`${node}/energyImported`]: message.energy,
        [`${node}/voltage`]: message.voltage,
        [`${node}/current`]: message.current,
      });
      expect(outcome.readings.every((r) => r.measuredAt === at.toISOString())).toBe(true);
    });
  });
});
