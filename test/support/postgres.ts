import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeOrSkip } from './skip.js';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const URL_UNDER_TEST = process.env.DATABASE_URL ?? DEFAULT_URL;

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/**
 * Why specs on the real Postgres cannot run here, or undefined when they can. The Jest global setup
 * (postgres-reachable.global-setup.js) probes DATABASE_URL, else 127.0.0.1:5432, once per run and fails the run
 * under CI=true when nothing answers.
 */
export const POSTGRES_SKIP_REASON: string | undefined =
  process.env.WATTLOG_TEST_POSTGRES === 'up'
    ? undefined
    : process.env.WATTLOG_TEST_POSTGRES === 'down'
      ? `no Postgres at ${withoutPassword(URL_UNDER_TEST)} (set DATABASE_URL or start one on 127.0.0.1:5432)`
      : 'Postgres not probed (run the specs through jest.config.js, whose global setup probes it)';

/** `describe` for blocks that need the real Postgres; reported as skipped, with the reason, when it is absent. */
export const describeWithPostgres = describeOrSkip(POSTGRES_SKIP_REASON);

/** The real Postgres. Only for specs registered through describeWithPostgres or a backend that is not skipped. */
export function postgresUrl(): string {
  if (POSTGRES_SKIP_REASON !== undefined)
    throw new Error(`A spec asked for Postgres outside a Postgres block: ${POSTGRES_SKIP_REASON}`);
  return URL_UNDER_TEST;
}

/** The real Postgres when it answers, else undefined: for harnesses that fall back to the embedded store. */
export function reachablePostgresUrl(): string | undefined {
  return POSTGRES_SKIP_REASON === undefined ? URL_UNDER_TEST : undefined;
}

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
