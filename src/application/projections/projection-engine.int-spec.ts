import { randomUUID } from 'node:crypto';
import { describeOnBackends, describeOnPostgres } from '#test/support/projection-spec.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { anEvent, waitFor } from '#test/support/test-ids.js';
import { auditLogProjection } from '../audit/audit-log-read-model/audit-log.projection.js';
import { readCheckpoint } from './checkpoint-store.js';
import { applyBatch, catchUp, eventsBatch } from './projection-batch.js';
import { liveTables, type DecodingProjection, type Projection } from './projection.js';
import { ProjectionRunner } from './projection-runner.js';
import { ProjectionSupervisor } from './projection-supervisor.js';
import { rebuildProjection } from './rebuild-projection.js';

const live = { projection: auditLogProjection, checkpointName: auditLogProjection.name, table: liveTables };
const runnerOptions = { batchSize: 50, idleMs: 20, standbyMs: 50, onError: () => undefined };

async function eventuallyRows(b: SqlBackend, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await auditRows(b)).length < count) {
    if (Date.now() > deadline) throw new Error(`the read model did not reach ${count} rows within 5 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function eventuallyCheckpointAt(b: SqlBackend, name: string, position: string | null): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await readCheckpoint(b.db, name)).position !== position) {
    if (Date.now() > deadline) throw new Error(`checkpoint ${name} did not reach ${position} within 5 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function auditRows(b: SqlBackend): Promise<{ seq: string; type: string; stream: string }[]> {
  return b.db.query('SELECT seq::text, type, stream FROM audit_log ORDER BY audit_log.seq');
}

describeOnBackends('projection engine', (backendName) => {
  let opened: SqlBackend | undefined;
  beforeEach(async () => {
    opened = await openBackend(backendName, 'engine');
  });
  afterEach(async () => {
    await opened?.cleanup();
  });

  it('Given events, then the audit log holds one row per event in log order', async () => {
    const b = opened!;
    await b.store.append('gateway-1', [anEvent('GatewayRegistered', { name: 'home' })], {
      expectedRevision: 'no_stream',
    });
    await b.store.append('node-7', [anEvent('NodeJoined'), anEvent('NodeLeft')], { expectedRevision: 'no_stream' });
    const reached = await catchUp(b.store, b.db, live, { position: null, eventsApplied: 0 }, { batchSize: 2 });
    expect(reached.eventsApplied).toBe(3);
    expect(await auditRows(b)).toEqual([
      { seq: '1', type: 'GatewayRegistered', stream: 'gateway-1' },
      { seq: '2', type: 'NodeJoined', stream: 'node-7' },
      { seq: '3', type: 'NodeLeft', stream: 'node-7' },
    ]);
    const [row] = await b.db.query<{ summary: string; actor_id: string }>(
      'SELECT summary, actor_id FROM audit_log WHERE seq = 1',
    );
    expect(row).toEqual({ summary: 'GatewayRegistered: name=home', actor_id: 'test' });
    expect((await readCheckpoint(b.db, auditLogProjection.name)).eventsApplied).toBe(3);
  });

  it('folds each batch with a fresh decoder as it is read, and decodes the next batch while the current one is applied', async () => {
    const b = opened!;
    await b.store.append('s-1', [anEvent('A'), anEvent('B'), anEvent('C')], { expectedRevision: 'no_stream' });
    const decodedTypes: string[] = [];
    let secondDecoded: () => void = () => undefined;
    const secondDecoding = new Promise<void>((resolve) => (secondDecoded = resolve));
    const applied: string[][] = [];
    await b.db.query('CREATE TABLE decoded_batches (seq int PRIMARY KEY, types text NOT NULL)');
    const decoding: DecodingProjection<string[]> = {
      name: 'decoded',
      tables: ['decoded_batches'],
      decoder: () => {
        const types: string[] = [];
        return {
          add: (event) => {
            types.push(event.type);
            decodedTypes.push(event.type);
          },
          finish: () => {
            if (types.includes('C')) secondDecoded();
            return Promise.resolve(types);
          },
        };
      },
      async applyDecoded(types, tx, ctx) {
        // The first batch cannot finish before the second is decoded: without read-ahead this would never resolve.
        if (types.includes('A')) {
          let timer: NodeJS.Timeout | undefined;
          const tooLate = new Promise(
            (_, reject) => (timer = setTimeout(() => reject(new Error('the next batch was not decoded ahead')), 5000)),
          );
          await Promise.race([secondDecoding, tooLate]).finally(() => clearTimeout(timer));
        }
        applied.push(types);
        await tx.query('INSERT INTO decoded_batches (seq, types) VALUES ($1, $2)', [ctx.sequence + 1, types.join('')]);
      },
    };
    const reached = await catchUp(
      b.store,
      b.db,
      { projection: decoding, checkpointName: 'decoded', table: liveTables },
      { position: null, eventsApplied: 0 },
      { batchSize: 2 },
    );
    expect(reached.eventsApplied).toBe(3);
    expect(applied).toEqual([['A', 'B'], ['C']]);
    expect(decodedTypes).toEqual(['A', 'B', 'C']);
    expect(await b.db.query('SELECT seq, types FROM decoded_batches ORDER BY seq')).toEqual([
      { seq: 1, types: 'AB' },
      { seq: 3, types: 'C' },
    ]);
    expect(await readCheckpoint(b.db, 'decoded')).toMatchObject({ eventsApplied: 3 });
  });

  it('writes rows and checkpoint atomically: a failing batch leaves neither', async () => {
    const b = opened!;
    await b.store.append('s-1', [anEvent('Ok'), anEvent('Boom')], { expectedRevision: 'no_stream' });
    const failing: Projection = {
      ...auditLogProjection,
      async apply(batch, tx, ctx) {
        await auditLogProjection.apply(batch, tx, ctx);
        if (batch.some((e) => e.type === 'Boom')) throw new Error('projection bug');
      },
    };
    const target = { ...live, projection: failing };
    await expect(
      catchUp(b.store, b.db, target, { position: null, eventsApplied: 0 }, { batchSize: 10 }),
    ).rejects.toThrow('projection bug');
    expect(await auditRows(b)).toEqual([]);
    expect(await readCheckpoint(b.db, auditLogProjection.name)).toEqual({ position: null, eventsApplied: 0 });
  });

  it('drops a batch whose checkpoint moved underneath it', async () => {
    const b = opened!;
    await b.store.append('s-2', [anEvent('A'), anEvent('B')], { expectedRevision: 'no_stream' });
    const events = await b.store.readAll({ max: 10 });
    const first = await applyBatch(b.db, live, { position: null, eventsApplied: 0 }, eventsBatch(events));
    expect(first.accepted).toBe(true);
    const stale = await applyBatch(b.db, live, { position: null, eventsApplied: 0 }, eventsBatch(events));
    expect(stale).toEqual({ accepted: false, checkpoint: first.checkpoint });
    expect((await auditRows(b)).length).toBe(2);
  });

  it('runs live: a runner keeps the read model current as events arrive', async () => {
    const b = opened!;
    const runner = new ProjectionRunner(b.store, b.db, auditLogProjection, runnerOptions);
    runner.start();
    try {
      for (let i = 0; i < 5; i++)
        await b.store.append(`live-${i}`, [anEvent('Tick', { i })], { expectedRevision: 'any' });
      runner.poke();
      await waitFor(() => runner.status().checkpoint?.eventsApplied === 5, 5000, 'runner to apply 5 events');
      expect(runner.status().active).toBe(true);
      expect((await auditRows(b)).length).toBe(5);
    } finally {
      await runner.stop();
    }
  });

  it('wakes on appends by another connection, with no poke and an idle wait far longer than the test', async () => {
    const b = opened!;
    const supervisor = new ProjectionSupervisor(b.store, b.db, [auditLogProjection], {
      ...runnerOptions,
      idleMs: 600_000,
    });
    supervisor.start();
    try {
      await supervisor.watching();
      await b.store.append('woken-1', [anEvent('Tick')], { expectedRevision: 'no_stream' });
      await eventuallyRows(b, 1);
      // The runner is caught up and in its idle wait now; only a notification can bring the next event in time.
      await new Promise((r) => setTimeout(r, 200));
      await b.store.append('woken-2', [anEvent('Tick')], { expectedRevision: 'no_stream' });
      await eventuallyRows(b, 2);
    } finally {
      await supervisor.stop();
    }
  });

  it('moves a filtered projection past the events it ignores: lag counts only the events it consumes', async () => {
    const b = opened!;
    await b.db.query('CREATE TABLE wanted_seen (id text PRIMARY KEY)');
    const wanted: Projection = {
      name: 'wanted_seen',
      tables: ['wanted_seen'],
      eventTypes: ['Wanted'],
      async apply(batch, tx) {
        for (const event of batch) await tx.query('INSERT INTO wanted_seen (id) VALUES ($1)', [event.id]);
      },
    };
    const noise = (n: number): ReturnType<typeof anEvent>[] => Array.from({ length: n }, () => anEvent('Noise'));
    await b.store.append('mixed-1', [...noise(4), anEvent('Wanted'), ...noise(6)], { expectedRevision: 'no_stream' });
    const supervisor = new ProjectionSupervisor(b.store, b.db, [wanted], { ...runnerOptions, idleMs: 600_000 });
    // Before it runs: one consumed event behind, however many it ignores; its age is the seconds figure.
    await b.db.query("UPDATE events SET recorded_at = now() - interval '90 seconds' WHERE type = 'Wanted'");
    const [before] = await supervisor.health();
    expect(before).toMatchObject({ lag: 1 });
    expect(before!.lagSeconds).toBeGreaterThanOrEqual(89);
    expect(before!.lagSeconds).toBeLessThan(120);
    supervisor.start();
    try {
      await supervisor.watching();
      supervisor.poke();
      const head = await b.store.headPosition();
      await eventuallyCheckpointAt(b, 'wanted_seen', head);
      expect(await supervisor.health()).toEqual([expect.objectContaining({ lag: 0, lagSeconds: 0 })]);
      expect(await readCheckpoint(b.db, 'wanted_seen')).toEqual({ position: head, eventsApplied: 1 });
      // Unrelated events after it are skipped too, with nothing applied.
      await b.store.append('mixed-2', noise(5), { expectedRevision: 'no_stream' });
      const later = await b.store.headPosition();
      await eventuallyCheckpointAt(b, 'wanted_seen', later);
      expect(await supervisor.health()).toEqual([expect.objectContaining({ lag: 0, lagSeconds: 0 })]);
      expect(await b.db.query('SELECT count(*)::int AS n FROM wanted_seen')).toEqual([{ n: 1 }]);
      expect((await readCheckpoint(b.db, 'wanted_seen')).eventsApplied).toBe(1);
    } finally {
      await supervisor.stop();
    }
  });

  it('rebuilds into shadow tables and swaps them in while the live runner keeps going', async () => {
    const b = opened!;
    for (let i = 0; i < 300; i++)
      await b.store.append(`rb-${i % 7}`, [anEvent('Tick', { i })], { expectedRevision: 'any' });
    const runner = new ProjectionRunner(b.store, b.db, auditLogProjection, runnerOptions);
    runner.start();
    try {
      await waitFor(
        () => runner.status().checkpoint?.eventsApplied === 300,
        10_000,
        `initial projection ${JSON.stringify(runner.status())}`,
      );
      const indexNames = (): Promise<{ indexname: string }[]> =>
        b!.db.query(
          "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_log' ORDER BY indexname",
        );
      // The swap must bring the keys back under their names, like the indexes.
      const keyNames = (): Promise<{ conname: string }[]> =>
        b!.db.query(
          `SELECT conname FROM pg_constraint WHERE conrelid IN (to_regclass('audit_log'), to_regclass('audit_objects'))
            AND contype = 'p' ORDER BY conname`,
        );
      const indexesBefore = await indexNames();
      const keysBefore = await keyNames();
      expect(keysBefore).toHaveLength(2);
      const progress: number[] = [];
      const rebuilding = rebuildProjection(b.store, b.db, auditLogProjection, {
        batchSize: 40,
        onProgress: (p) => progress.push(p.applied),
      });
      // Queries keep answering from the live table during the rebuild.
      expect((await auditRows(b)).length).toBeGreaterThanOrEqual(300);
      await b.store.append('rb-late', [anEvent('Late', { id: randomUUID() })], { expectedRevision: 'any' });
      runner.poke();
      const result = await rebuilding;
      expect(result.events).toBeGreaterThanOrEqual(300);
      expect(progress.at(-1)).toBe(result.events);
      await waitFor(() => runner.status().checkpoint?.eventsApplied === 301, 10_000, 'runner after swap');
      const rows = await auditRows(b);
      expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 301 }, (_, i) => i + 1));
      expect(rows.at(-1)?.type).toBe('Late');
      const leftovers = await b.db.query(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'audit_log\\_\\_%'",
      );
      expect(leftovers).toEqual([]);
      expect(await indexNames()).toEqual(indexesBefore);
      expect(await keyNames()).toEqual(keysBefore);
      const again = await rebuildProjection(b.store, b.db, auditLogProjection, { batchSize: 1000 });
      expect(again.events).toBe(301);
      expect(await indexNames()).toEqual(indexesBefore);
    } finally {
      await runner.stop();
    }
  }, 60_000);
});

describeOnPostgres('projection runner lock', () => {
  it('lets only one runner per projection be active across connections', async () => {
    const b = (await openBackend('postgres', 'runnerlock'))!;
    const one = new ProjectionRunner(b.store, b.db, auditLogProjection, runnerOptions);
    const two = new ProjectionRunner(b.store, b.db, auditLogProjection, runnerOptions);
    one.start();
    await waitFor(() => one.status().active, 5000, 'first runner active');
    two.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(two.status().active).toBe(false);
    await one.stop();
    await waitFor(() => two.status().active, 5000, 'standby takes over');
    await two.stop();
    await b.cleanup();
  }, 20_000);

  it('waits while a runner of the previous release holds the lock under the former name (audit)', async () => {
    const b = (await openBackend('postgres', 'formerlock'))!;
    const previous = (await b.db.tryLock('wattlog:projection:audit'))!;
    const runner = new ProjectionRunner(b.store, b.db, auditLogProjection, runnerOptions);
    runner.start();
    await new Promise((r) => setTimeout(r, 200));
    expect(runner.status().active).toBe(false);
    await previous.release();
    await waitFor(() => runner.status().active, 5000, 'the runner takes over');
    await runner.stop();
    await b.cleanup();
  }, 20_000);
});
