import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Decides once per run whether the real Postgres answers, so every spec file registers its Postgres blocks the same
 * way (run or skipped with the reason) without probing again. Spec workers inherit the answer through
 * WATTLOG_TEST_POSTGRES ("up" or "down"); test/support/postgres.ts reads it. Under CI=true an unreachable Postgres
 * fails the run, because CI must exercise the real database.
 */
export default async function postgresReachable() {
  if (process.env.WATTLOG_TEST_POSTGRES) return;
  const url = process.env.DATABASE_URL ?? DEFAULT_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  let up;
  try {
    await client.connect();
    await client.query('SELECT 1');
    up = true;
  } catch {
    up = false;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!up && process.env.CI === 'true') throw new Error(`CI=true but Postgres at ${url} does not answer`);
  process.env.WATTLOG_TEST_POSTGRES = up ? 'up' : 'down';
}
