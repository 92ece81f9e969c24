import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import { DEFAULT_LOGIN_THROTTLE } from '../../../application/access/login/login-throttle.js';
import { PostgresBucketStore, PostgresLoginAttempts } from '../../../infrastructure/postgres/shared-limits.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'l'.repeat(64);
const JWT_SECRET = 'shared signing secret of this installation, 32+ bytes';
// Refills too slowly to matter during the test.
const SLOW = 0.001;
const PRINCIPAL_BURST = 6;
const ADDRESS_BURST = 20;

/**
 * Two nodes over one Postgres schema: the rate limits and the failed-login throttle are kept in the database they
 * share, so requests spread over both nodes meet the configured limit once, not once per node.
 */
describeWithPostgres('rate limits and login throttle shared by two nodes', () => {
  let nodes: RunningServer[] = [];
  const dirs: string[] = [];
  let drop: (() => Promise<void>) | undefined;
  /** Every request that spends from this address's bucket (anonymous ones), so the last test knows what is left. */
  let addressSpent = 0;

  beforeAll(async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'sharedlimits');
    drop = schema.drop;
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), `wattlog-limits${i}-`));
      dirs.push(dataDir);
      nodes.push(
        await startHttpServer(
          {
            storage: { store: 'postgres', databaseUrl: schemaUrl.toString(), dataDir },
            host: '127.0.0.1',
            port: 0,
            tls: null,
            adminToken: ADMIN,
            jwtSecret: JWT_SECRET,
            rateLimit: {
              principal: { ratePerSecond: SLOW, burst: PRINCIPAL_BURST },
              anonymous: { ratePerSecond: SLOW, burst: ADDRESS_BURST },
            },
          },
          pino({ level: 'silent' }),
        ),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const node of nodes) await node.close();
    nodes = [];
    await drop?.();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const node = (i: number): RunningServer => nodes[i % nodes.length]!;

  it('counts failed logins on either node together: the fifth wrong password in a row is throttled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${node(i).url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mallory-target@example.test', password: 'not the password' }),
      });
      addressSpent += 1;
      statuses.push(response.status);
    }
    // Three free failures for the (account, address) pair, the fourth blocks: alone, each node would have seen two.
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });

  it('spends one principal bucket across both nodes: requests spread over them meet the configured burst', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PRINCIPAL_BURST + 2; i++) {
      const response = await fetch(`${node(i).url}/api/gateways`, { headers: { authorization: `Bearer ${ADMIN}` } });
      statuses.push(response.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(PRINCIPAL_BURST);
    expect(statuses.slice(PRINCIPAL_BURST)).toEqual([429, 429]);
  });

  it('spends one address bucket across both nodes for anonymous requests', async () => {
    let allowed = 0;
    let refused: Response | undefined;
    for (let i = 0; i < ADDRESS_BURST + 2 && !refused; i++) {
      const response = await fetch(`${node(i).url}/health/live`);
      if (response.status === 200) allowed += 1;
      else refused = response;
    }
    expect(allowed).toBe(ADDRESS_BURST - addressSpent);
    expect(refused?.status).toBe(429);
    expect(refused?.headers.get('retry-after')).not.toBeNull();
  });

  it('spends and counts atomically when both nodes hit one key at the same moment', async () => {
    const policy = { ratePerSecond: SLOW, burst: 5 };
    const stores = nodes.map((n) => new PostgresBucketStore(n.storage.readModels, 'race', policy));
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => stores[i % 2]!.take('one-key')));
    expect(answers.filter((a) => a.allowed)).toHaveLength(5);

    const attempts = nodes.map((n) => new PostgresLoginAttempts(n.storage.readModels, DEFAULT_LOGIN_THROTTLE));
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => attempts[i % 2]!.recordFailure('race@example.test', '192.0.2.9', 1_000)),
    );
    const [row] = await nodes[0]!.storage.readModels.query<{ failures: number }>(
      'SELECT failures FROM login_failures WHERE key = $1',
      [JSON.stringify('a\0race@example.test')],
    );
    expect(row?.failures).toBe(12);
    expect(await attempts[1]!.waitMs('race@example.test', '192.0.2.9', 1_000)).toBeGreaterThan(0);
  });
});
