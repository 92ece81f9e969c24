import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { aLoggedInUser, type TestUser } from '#test/support/access.js';
import { captureLogs } from '#test/support/log-capture.js';
import { anAlarmRaised } from '#test/builders/notifications.js';
import { startHttpServer, type RunningServer } from '../http-server.js';

const ADMIN_TOKEN = randomUUID().replace(/-/g, '').repeat(2);
const SMTP_PASSWORD = `smtp-${randomUUID()}`;

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The notifications API end to end on the real server: an e-mail channel verified with the code an in-process SMTP
 * server received, a webhook whose secret is rotated, an alarm delivered to both and to the inbox, and no secret
 * anywhere in the event log or the server's logs.
 */
describe('notifications API', () => {
  const mails: string[] = [];
  const hooks: { headers: IncomingHttpHeaders; body: string }[] = [];
  const logs = captureLogs();
  let smtp: SMTPServer;
  let receiver: Server;
  let server: RunningServer;
  let dataDir: string;
  let owner: TestUser;

  beforeAll(async () => {
    smtp = new SMTPServer({
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      onAuth: (auth, _s, cb) => (auth.password === SMTP_PASSWORD ? cb(null, { user: 'w' }) : cb(new Error('no'))),
      onData: (stream, _s, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push(Buffer.concat(chunks).toString('utf8'));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hooks.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-notifications-'));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: ADMIN_TOKEN,
        notifications: {
          smtp: { url: `smtp://wattlog:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`, from: 'alerts@wattlog.example' },
          publicUrl: 'https://wattlog.example',
          webhookAllowHosts: new Set(['127.0.0.1']),
          pollMs: 50,
        },
      },
      logs.logger,
    );
    owner = await aLoggedInUser(server.url, ADMIN_TOKEN);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/notifications${path}`, {
      method,
      headers: {
        authorization: `Bearer ${owner.accessToken}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: text ? JSON.parse(text) : null,
    };
  };

  it('verifies e-mail, rotates a webhook secret, delivers an alarm everywhere once, and keeps secrets out of logs', async () => {
    const email = await call('POST', '/channels', { kind: 'email', address: 'owner@example.com' });
    expect(email.status).toBe(201);
    expect(email.body.channel.status).toBe('unverified');
    const code = /code to receive Wattlog notifications at this address: (\d{6})/.exec(
      await until('the code', () => mails.find((m) => m.includes('verification code'))),
    )![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await call('POST', `/channels/${email.body.channel.channelId}/verification`, { code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.type).toMatch(/^application\/problem\+json/);
    const verified = await call('POST', `/channels/${email.body.channel.channelId}/verification`, { code });
    expect(verified.body).toMatchObject({ status: 'active', verified: true });

    const port = (receiver.address() as AddressInfo).port;
    const metadata = await call('POST', '/channels', { kind: 'webhook', address: 'https://169.254.169.254/hook' });
    expect(metadata.status).toBe(400);
    const hook = await call('POST', '/channels', { kind: 'webhook', address: `http://127.0.0.1:${port}/hook` });
    expect(hook.status).toBe(201);
    const first = hook.body.signingSecret as string;
    const rotated = await call('POST', `/channels/${hook.body.channel.channelId}/secret`);
    const second = rotated.body.signingSecret as string;
    expect(second).toMatch(/^whsec_/);

    const gateway = await fetch(`${server.url}/api/gateways`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: 'gw-notify',
        name: 'Home',
        networkType: 'zigbee',
        address: '192.0.2.1',
        location: { lat: 52, lon: 5 },
        ownerId: owner.userId,
      }),
    });
    expect(gateway.status).toBe(201);
    await until('the channels in the read model', async () => {
      const listed = await call('GET', '/channels');
      return listed.body.items.length === 2 ? true : undefined;
    });
    const alarm = anAlarmRaised({ gatewayId: 'gw-notify', alarmId: randomUUID() });
    await server.storage.eventStore.append('alarm-notify', [{ id: randomUUID(), ...alarm, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    server.projections.poke();

    const delivered = await until('the webhook', () => hooks[0]);
    for (const secret of [first, second]) {
      expect(new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>)).toMatchObject({
        type: 'notification.alarm_raised',
      });
    }
    const alarmMail = await until('the alarm mail', () => mails.find((m) => m.includes('Subject: [Wattlog] Alarm')));
    expect(alarmMail.replace(/\r\n[ \t]+/g, ' ')).toMatch(
      /^List-Unsubscribe: <https:\/\/wattlog\.example\/notifications\?channel=[0-9a-f-]{36}>/m,
    );
    const inbox = await until('the inbox', async () => {
      const listed = await call('GET', '/inbox?unread=true');
      return listed.body.unread === 1 ? listed.body : undefined;
    });
    expect(inbox.items[0]).toMatchObject({ topic: 'alarm_raised', readAt: null });
    expect((await call('POST', '/inbox/read', { all: true })).body).toEqual({ marked: 1 });
    expect(hooks).toHaveLength(1);

    const events = await server.storage.eventStore.readAll({ max: 10_000 });
    const everything = `${JSON.stringify(events)}\n${logs.text()}`;
    for (const secret of [first, second, first.slice(6), second.slice(6), code, SMTP_PASSWORD]) {
      expect(everything).not.toContain(secret);
    }
    expect(logs.text()).toContain('notification delivered');
  }, 60_000);
});
