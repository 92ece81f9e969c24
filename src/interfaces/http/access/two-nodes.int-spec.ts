import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { aClientWithToken, aLoggedInUser, login } from '#test/support/access.js';
import { createTestSchema, describeWithPostgres, postgresUrl } from '#test/support/postgres.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN = 'n'.repeat(64);
const JWT_SECRET = 'shared signing secret of this installation, 32+ bytes';

/** Two API nodes on one Postgres: what one node changes, the other enforces once its subscription delivers it. */
describeWithPostgres('authentication across two nodes sharing Postgres', () => {
  let nodes: RunningServer[] = [];
  const dirs: string[] = [];
  let drop: (() => Promise<void>) | undefined;
  const me = (node: RunningServer, token: string) =>
    fetch(`${node.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const eventually = async (read: () => Promise<number>, expected: number): Promise<number> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const value = await read();
      if (value === expected || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    const url = postgresUrl();
    const schema = await createTestSchema(url, 'twonodes');
    drop = schema.drop;
    const schemaUrl = new URL(url);
    schemaUrl.searchParams.set('options', `-c search_path=${schema.schema}`);
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), `wattlog-node${i}-`));
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

  it('a user registered on one node logs in on the other at once; logout and disable reach the other node', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const user = await aLoggedInUser(a.url, ADMIN);
    const onB = await login(b.url, user.email, user.password);
    expect((await me(b, onB.accessToken)).status).toBe(200);
    expect((await me(b, user.accessToken)).status).toBe(200);

    expect(
      (
        await fetch(`${a.url}/api/auth/logout`, {
          method: 'POST',
          headers: { authorization: `Bearer ${user.accessToken}` },
        })
      ).status,
    ).toBe(204);
    expect((await me(a, user.accessToken)).status).toBe(401);
    expect(await eventually(async () => (await me(b, user.accessToken)).status, 401)).toBe(401);
    expect((await me(b, onB.accessToken)).status).toBe(200);

    const disabled = await fetch(`${b.url}/api/users/${user.userId}/disable`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(disabled.status).toBe(200);
    expect(await eventually(async () => (await me(a, onB.accessToken)).status, 401)).toBe(401);
  }, 60_000);

  it('a client registered on one node gets tokens from the other; revoking on one reaches the other', async () => {
    const [a, b] = nodes as [RunningServer, RunningServer];
    const client = await aClientWithToken(a.url, ADMIN);
    const fromB = await fetch(`${b.url}/api/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    expect(fromB.status).toBe(200);
    const token = ((await fromB.json()) as { access_token: string }).access_token;
    expect(await eventually(async () => (await me(a, token)).status, 200)).toBe(200);
    await fetch(`${a.url}/api/clients/${client.clientId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await eventually(async () => (await me(b, token)).status, 401)).toBe(401);
  }, 60_000);
});
