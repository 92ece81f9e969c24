import { createHash } from 'node:crypto';

/** A deterministic UUID (v4 layout) per index, so the adapter and the COPY baseline store identical rows. */
export function benchEventId(runId: string, index: number): string {
  const h = createHash('sha1').update(`${runId}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const BENCH_STREAMS = 100;

/** One gateway frame's worth of readings, about the size of a real ReadingsReported event. */
export function benchReading(index: number): { type: string; data: unknown; metadata: Record<string, unknown> } {
  const at = new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString();
  return {
    type: 'ReadingsReported',
    data: {
      gatewayId: `gw-${index % BENCH_STREAMS}`,
      sequence: Math.floor(index / BENCH_STREAMS),
      networkType: 'zigbee2mqtt',
      payloads: [
        {
          kind: 'zigbee2mqtt',
          topic: 'zigbee2mqtt/meter-1',
          message: {
            power: 230 + (index % 97),
            energy: 1234.5 + index / 1000,
            voltage: 231.4,
            current: 1.02,
            linkquality: 144,
          },
          measuredAt: at,
        },
      ],
      receivedAt: at,
    },
    metadata: { schemaVersion: 1, correlationId: `frame-${index}` },
  };
}

export function streamOf(index: number): string {
  return `readings-gw-${index % BENCH_STREAMS}`;
}
