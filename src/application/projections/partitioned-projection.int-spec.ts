import { describeOnPostgres } from '#test/support/projection-spec.js';
import { postgresUrl } from '#test/support/postgres.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { anEvent } from '#test/support/test-ids.js';
import { openSqlEventStore } from '../../infrastructure/event-store/embedded/embedded-event-store.js';
import { PgDatabase } from '../../infrastructure/postgres/pg-database.js';
import { partitionsOf, type Projection } from './projection.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { rebuildProjection } from './rebuild-projection.js';

const PARTITIONS = 4;
const runnerOptions = { batchSize: 7, idleMs: 50, standbyMs: 50, onError: () => undefined };
const spreadOptions = { heartbeatMs: 100, expiryMs: 1500 };

/** Writes one row per event and who applied it; a second application of an event breaks its primary key. */
function partitionedRows(node: string): Projection {
  return {
    name: 'part_rows',
    tables: ['part_rows'],
    eventTypes: ['Counted'],
    partitionable: true,
    async apply(batch, tx, { table }) {
      for (const event of batch)
        await tx.query(`INSERT INTO ${table('part_rows')} (event_id, stream, node) VALUES ($1, $2, $3)`, [
          event.id,
          event.stream,
          node,
        ]);
    },
  };
}

async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describeOnPostgres('partitioned projection over two engines', () => {
  let b: SqlBackend;
  let otherDb: PgDatabase;
  let one: ProjectionSupervisor;
  let two: ProjectionSupervisor;
  const held = async (engine: ProjectionSupervisor): Promise<string[]> =>
    (await engine.health()).filter((p) => p.active).map((p) => p.name);
  const rowCount = async (): Promise<number> =>
    Number((await b.db.query<{ n: string }>('SELECT count(*)::text AS n FROM part_rows'))[0]?.n);
  const append = async (from: number, count: number): Promise<void> => {
    for (let i = from; i < from + count; i++)
      await b.store.append(`meter-${i % 13}`, [anEvent('Counted', { i }), anEvent('Ignored')], {
        expectedRevision: 'any',
      });
  };

  beforeAll(async () => {
    b = await openBackend('postgres', 'partitions');
    const schema = new URL(b.url!).searchParams.get('options')!.replace('-c search_path=', '');
    otherDb = new PgDatabase(postgresUrl(), { schema, max: 5, applicationName: 'engine-two' });
    await b.db.query('CREATE TABLE part_rows (event_id text PRIMARY KEY, stream text NOT NULL, node text NOT NULL)');
    const otherStore = await openSqlEventStore(otherDb);
    one = new ProjectionSupervisor(b.store, b.db, partitionsOf(partitionedRows('one'), PARTITIONS), runnerOptions, {
      ...spreadOptions,
      nodeId: 'one',
    });
    two = new ProjectionSupervisor(
      otherStore,
      otherDb,
      partitionsOf(partitionedRows('two'), PARTITIONS),
      runnerOptions,
      { ...spreadOptions, nodeId: 'two' },
    );
  }, 30_000);
  afterAll(async () => {
    await one.stop();
    await two.stop();
    await otherDb.close().catch(() => undefined);
    await b.cleanup();
  });

  it('shares the partitions between the engines without overlap, and one takes over when the other dies', async () => {
    await append(0, 30);
    one.start();
    two.start();
    await eventually('each engine to hold half the partitions', async () => {
      const [a, c] = [await held(one), await held(two)];
      return a.length === PARTITIONS / 2 && c.length === PARTITIONS / 2 && new Set([...a, ...c]).size === PARTITIONS;
    });
    await append(30, 30);
    one.poke();
    two.poke();
    await eventually('all 60 counted events applied', async () => (await rowCount()) === 60);
    // Every partition applied by the engine holding it: both applied some of the later events.
    const byNode = await b.db.query<{ node: string }>('SELECT DISTINCT node FROM part_rows ORDER BY node');
    expect(byNode.map((r) => r.node)).toEqual(['one', 'two']);
    const lags = (await one.health()).map((p) => p.lag);
    expect(lags).toEqual([0, 0, 0, 0]);

    // Engine two dies: its connections close (its locks go with them) and its heartbeat stops.
    await otherDb.close();
    await eventually('engine one to take over every partition', async () => (await held(one)).length === PARTITIONS);
    await append(60, 20);
    one.poke();
    await eventually('the events after the takeover applied', async () => (await rowCount()) === 80);
  }, 60_000);

  it('gives the same rows as one partition: a rebuild under P = 1 replaces the layout', async () => {
    await one.stop();
    const partitioned = await b.db.query('SELECT event_id, stream FROM part_rows ORDER BY event_id');
    const result = await rebuildProjection(b.store, b.db, partitionedRows('rebuild'), { batchSize: 50, partitions: 1 });
    expect(result.events).toBe(80);
    expect(await b.db.query('SELECT event_id, stream FROM part_rows ORDER BY event_id')).toEqual(partitioned);
    const names = await b.db.query<{ name: string }>(
      "SELECT name FROM projection_checkpoints WHERE name LIKE 'part\\_rows%' ORDER BY name",
    );
    expect(names.map((n) => n.name)).toEqual(['part_rows']);
    // And back to four partitions: each rebuilt under its own checkpoint, the rows the same again.
    await rebuildProjection(b.store, b.db, partitionedRows('rebuild'), { batchSize: 50, partitions: PARTITIONS });
    expect(await b.db.query('SELECT event_id, stream FROM part_rows ORDER BY event_id')).toEqual(partitioned);
    const four = await b.db.query<{ name: string; events_applied: string }>(
      "SELECT name, events_applied::text FROM projection_checkpoints WHERE name LIKE 'part\\_rows%' ORDER BY name",
    );
    expect(four.map((n) => n.name)).toEqual(['part_rows#1of4', 'part_rows#2of4', 'part_rows#3of4', 'part_rows#4of4']);
    expect(four.reduce((sum, n) => sum + Number(n.events_applied), 0)).toBe(80);
  }, 60_000);
});
