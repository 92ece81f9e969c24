import type { EventStore } from '../ports/event-store.port.js';
import type { ReadModelDb } from '../ports/read-model-db.port.js';
import type { AnyProjection } from './projection.js';
import { ReplayAlreadyRunningError, ReplayJobs, ReplayNotFoundError } from './replay-jobs.js';

const projection = { name: 'users', tables: ['users'] } as unknown as AnyProjection;

function jobs(db: Partial<ReadModelDb>, count = 10): ReplayJobs {
  const store = { countAfter: () => Promise.resolve(count) } as unknown as EventStore;
  return new ReplayJobs(store, db as ReadModelDb, () => [projection], {
    batchSize: 10,
    partitions: 1,
    now: () => Date.now(),
  });
}

describe('ReplayJobs', () => {
  it('runs one replay at a time and keeps the latest first', () => {
    // A database that never answers: the first replay stays running.
    const replays = jobs({ transaction: () => new Promise(() => undefined) });
    const first = replays.start('users', 'user:ada');
    expect(first).toMatchObject({ state: 'running', projections: ['users'], current: 'users', startedBy: 'user:ada' });
    expect(() => replays.start('all', 'user:ada')).toThrow(ReplayAlreadyRunningError);
    expect(replays.list().map((r) => r.replayId)).toEqual([first.replayId]);
    expect(() => replays.get('nope')).toThrow(ReplayNotFoundError);
  });

  it('ends failed, with the reason, when the rebuild fails, and then lets the next one start', async () => {
    const replays = jobs({ transaction: () => Promise.reject(new Error('disk full')) });
    const { replayId } = replays.start('users', 'user:ada');
    await replays.idle();
    expect(replays.get(replayId)).toMatchObject({ state: 'failed', error: 'disk full', current: null });
    expect(replays.get(replayId).finishedAt).not.toBeNull();
    expect(() => replays.start('users', 'user:ada')).not.toThrow();
  });
});
