/** zigbee2mqtt-shaped meter payloads, as the simulator sends them; the COPY baseline stores the very same shape. */
export function benchPayloads(meterBase: number, count: number, seq: number): unknown[] {
  const at = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => ({
    kind: 'zigbee2mqtt',
    topic: `zigbee2mqtt/meter-${meterBase + i}`,
    message: { power: 200 + ((seq + i) % 900), energy: 1000 + seq / 100, voltage: 231.2, current: 1.3, linkquality: 140 },
    measuredAt: at,
  }));
}
