import { randomInt } from 'node:crypto';
import type { NewEvent } from '../../src/application/ports/event-store.port.js';
import { assertCliBuilt, exited, runCli, spawnCli } from '../support/cli.js';
import { describeWithPostgres } from '../support/postgres.js';
import { openBackend, type SqlBackend } from '../support/sql-backends.js';
import { anEvent } from '../support/test-ids.js';

const CYCLES = 20;

async function appendMany(b: SqlBackend, count: number, offset: number): Promise<void> {
  for (let start = 0; start < count; start += 100) {
    const batch: NewEvent[] = [];
    for (let i = start; i < Math.min(start + 100, count); i++)
      batch.push(anEvent(`Type${(offset + i) % 5}`, { i: offset + i }));
    await b.store.append(`crash-${(offset + start) % 13}`, batch, { expectedRevision: 'any' });
  }
}

async function checkpointApplied(b: SqlBackend): Promise<number> {
  const rows = await b.db.query<{ n: string }>(
    "SELECT events_applied::text AS n FROM projection_checkpoints WHERE name = 'audit_log'",
  );
  return Number(rows[0]?.n ?? 0);
}

/*
 * The projector runs as a real process and is killed with SIGKILL at random points while it works through a
 * long, growing log. After every restart the audit log must equal a fold of the whole log computed here.
 */
describeWithPostgres('projector crash safety', () => {
  it(`keeps the read model exact across ${CYCLES} SIGKILLs`, async () => {
    assertCliBuilt();
    const b = await openBackend('postgres', 'crash');
    const env = { WATTLOG_STORE: 'postgres', DATABASE_URL: b.url! };
    try {
      let total = 0;
      await appendMany(b, 15_000, total);
      total += 15_000;
      let kills = 0;
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const before = await checkpointApplied(b);
        const child = spawnCli(['projector', '--projection', 'audit', '--batch-size', String(randomInt(13, 97))], env);
        const deadline = Date.now() + 15_000;
        while ((await checkpointApplied(b)) === before && before < total && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 5));
        }
        await new Promise((r) => setTimeout(r, randomInt(0, 120)));
        child.kill('SIGKILL');
        await exited(child);
        kills += child.signalCode === 'SIGKILL' ? 1 : 0;
        await appendMany(b, 700, total);
        total += 700;
      }
      expect(kills).toBe(CYCLES);

      const finish = await runCli(['projector', '--projection', 'audit', '--once'], env);
      expect(finish.stderr).toBe('');
      expect(finish.code).toBe(0);

      const log = [];
      let after: string | null = null;
      for (;;) {
        const page = await b.store.readAll({ after, max: 5000 });
        log.push(...page);
        if (page.length < 5000) break;
        after = page.at(-1)!.position;
      }
      const expected = log.map((e, i) => `${i + 1}|${e.id}|${e.stream}|${e.revision}|${e.type}`);
      const rows = await b.db.query<{ r: string }>(
        "SELECT concat_ws('|', seq, event_id, stream, revision, type) AS r FROM audit_log ORDER BY audit_log.seq",
      );
      expect(log.length).toBe(total);
      expect(rows.map((r) => r.r)).toEqual(expected);
      expect(await checkpointApplied(b)).toBe(total);
    } finally {
      await b.cleanup();
    }
  }, 300_000);
});
