import type { GatewayFrame } from '../../../domain/metering/gateway-frame.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { echoDecoders } from '#test/support/echo-decoder.js';
import { uniquePrefix } from '#test/support/test-ids.js';
import type { EventStore, ExpectedRevision, NewEvent } from '../../ports/event-store.port.js';
import { IngestFrames } from './ingest-frame.command.js';
import { IngestFramesHandler } from './ingest-frames.handler.js';
import { frameEventId, readingsStream } from './readings-stream.js';

const AT = new Date('2026-03-01T12:00:00.000Z');
const frame = (seq: number): GatewayFrame => ({ kind: 'readings', seq, payloads: [{ kind: 'zigbee', n: seq }] });
const frames = (from: number, to: number): GatewayFrame[] =>
  Array.from({ length: to - from + 1 }, (_, i) => frame(from + i));

describe('IngestFrames (batches of consecutive frames)', () => {
  let backend: SqlBackend;
  let appends: { stream: string; count: number; expected: ExpectedRevision }[];
  let handler: IngestFramesHandler;

  beforeAll(async () => {
    backend = await openBackend('pglite', 'ingest-frames');
    const counting: EventStore = Object.assign(Object.create(backend.store) as EventStore, {
      append(stream: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }) {
        appends.push({ stream, count: events.length, expected: options.expectedRevision });
        return backend.store.append(stream, events, options);
      },
    });
    handler = new IngestFramesHandler(counting, () => 'zigbee', echoDecoders);
  });
  afterAll(() => backend.cleanup());
  beforeEach(() => (appends = []));

  const aGateway = (): string => uniquePrefix('gw').slice(0, -1);
  const when = (gw: string, batch: GatewayFrame[]) => handler.execute(new IngestFrames(gw, batch, AT));
  const revisions = async (gw: string) =>
    (await backend.store.readStream(readingsStream(gw))).map((e) => [e.revision, e.id]);

  it('stores new consecutive frames in one append, frame N at revision N with its derived id', async () => {
    const gw = aGateway();
    await expect(when(gw, frames(0, 4))).resolves.toEqual(Array(5).fill({ outcome: 'stored' }));
    expect(appends).toEqual([{ stream: readingsStream(gw), count: 5, expected: 'no_stream' }]);
    expect(await revisions(gw)).toEqual([0, 1, 2, 3, 4].map((n) => [n, frameEventId(gw, n)]));

    await when(gw, frames(5, 7));
    expect(appends[1]).toEqual({ stream: readingsStream(gw), count: 3, expected: 4 });
  });

  it('a batch overlapping what is stored acks the old frames as duplicates and stores only the new ones', async () => {
    const gw = aGateway();
    await when(gw, frames(0, 2));
    const results = await when(gw, frames(1, 4));
    expect(results.slice(0, 2).every((r) => r.outcome === 'duplicate' || r.outcome === 'stored')).toBe(true);
    expect(results.slice(2)).toEqual([{ outcome: 'stored' }, { outcome: 'stored' }]);
    expect(await revisions(gw)).toEqual([0, 1, 2, 3, 4].map((n) => [n, frameEventId(gw, n)]));
  });

  it('a batch beyond a gap stores nothing and answers every frame with the expected sequence', async () => {
    const gw = aGateway();
    await when(gw, frames(0, 1));
    await expect(when(gw, frames(5, 7))).resolves.toEqual(Array(3).fill({ outcome: 'gap', expectedSequence: 2 }));
    expect(await revisions(gw)).toHaveLength(2);
  });

  it('frames that are not consecutive are taken one by one: the first is stored, the one after the hole is a gap', async () => {
    const gw = aGateway();
    await expect(when(gw, [frame(0), frame(2)])).resolves.toEqual([
      { outcome: 'stored' },
      { outcome: 'gap', expectedSequence: 1 },
    ]);
    expect(appends.map((a) => a.count)).toEqual([1, 1]);
  });
});
