import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import type { RecordedEvent } from '../../../ports/event-store.port.js';
import { BoundedReadingFeed } from './live-reading-feed.js';
import { ResumingFeed } from './resuming-feed.js';

const reading = (value: number): CanonicalReading => ({
  sensorId: 's',
  nodeId: 'n',
  gatewayId: 'g',
  quantity: 'power',
  unit: 'W',
  value,
  measuredAt: '2025-03-01T00:00:00Z',
  receivedAt: '2025-03-01T00:00:00Z',
  source: { protocol: 'dsmr' },
});
const event = (position: string, values: number[]): RecordedEvent => ({
  id: position,
  stream: 'readings-g',
  revision: 0,
  position,
  type: 'ReadingsReported',
  data: values,
  metadata: {},
  recordedAt: '2025-03-01T00:00:00Z',
});

async function take(feed: ResumingFeed, count: number): Promise<{ value: number; completes: string | null }[]> {
  const out: { value: number; completes: string | null }[] = [];
  for await (const r of feed) {
    out.push({ value: r.value, completes: feed.completedPosition });
    if (out.length === count) break;
  }
  return out;
}

describe('ResumingFeed', () => {
  it('reads the log after the position, then the live feed, skipping the events both saw', async () => {
    const live = new BoundedReadingFeed(
      () => true,
      100,
      async () => undefined,
    );
    // Stored while the pages were read: p2 arrives both in the log pages and live.
    live.offer([reading(2)], 'p2');
    live.offer([reading(3), reading(4)], 'p3');
    const pages: Record<string, RecordedEvent[]> = { p1: [event('p2', [2])], p2: [] };
    const feed = new ResumingFeed(
      live,
      [event('p1', [1, 5])],
      async (after) => pages[after] ?? [],
      (data) => (data as number[]).map(reading),
      () => true,
    );
    expect(await take(feed, 5)).toEqual([
      { value: 1, completes: null },
      { value: 5, completes: 'p1' },
      { value: 2, completes: 'p2' },
      { value: 3, completes: null },
      { value: 4, completes: 'p3' },
    ]);
  });

  it("marks the last reading the client may see, when the event's last one is filtered out", async () => {
    const live = new BoundedReadingFeed(
      (r) => r.value !== 9,
      100,
      async () => undefined,
    );
    live.offer([reading(7), reading(9)], 'p8');
    const feed = new ResumingFeed(
      live,
      [event('p1', [6, 9])],
      async () => [],
      (data) => (data as number[]).map(reading),
      (r) => r.value !== 9,
    );
    expect(await take(feed, 2)).toEqual([
      { value: 6, completes: 'p1' },
      { value: 7, completes: 'p8' },
    ]);
  });
});
