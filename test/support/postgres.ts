import { randomBytes } from 'node:crypto';
import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
let probed: Promise<string | undefined> | undefined;

async function probe(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The real Postgres to test against: DATABASE_URL, else 127.0.0.1:5432 when it answers.
 * Under CI=true an unreachable Postgres is an error, because CI must exercise the real database.
 */
export function postgresUrl(): Promise<string | undefined> {
  probed ??= (async () => {
    const url = process.env.DATABASE_URL ?? DEFAULT_URL;
    if (await probe(url)) return url;
    if (process.env.CI === 'true') throw new Error(`CI=true but Postgres at ${url} does not answer`);
    return undefined;
  })();
  return probed;
}

export const POSTGRES_SKIP_REASON = 'skipped: no Postgres reachable (set DATABASE_URL or start one on 127.0.0.1:5432)';

/** A private schema so parallel test files never see each other's tables. */
export async function createTestSchema(url: string, label: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `t_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
