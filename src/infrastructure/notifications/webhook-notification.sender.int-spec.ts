import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { KeyVault } from '../../application/gateways/ports/key-vault.port.js';
import {
  NotificationSendError,
  type OutgoingNotification,
} from '../../application/notifications/ports/notification-sender.port.js';
import { WebhookClient } from '../webhooks/webhook-client.js';
import { newSigningSecret } from '../../application/notifications/signing-secret.js';
import { WebhookNotificationSender } from './webhook-notification.sender.js';

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function vaultOf(entries: Record<string, string>): KeyVault {
  const map = new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v, 'utf8')]));
  return {
    put: () => Promise.reject(new Error('read-only')),
    get: (keyId) => Promise.resolve(map.get(keyId)),
    all: () => Promise.resolve(new Map(map)),
  };
}

function aNotification(address: string, signingSecretKeyIds: readonly string[]): OutgoingNotification {
  return {
    deliveryId: 'b7a9c1de-0000-8000-8000-000000000001',
    subjectEventId: 'e1',
    ownerId: 'owner-1',
    attempt: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    message: {
      topic: 'alarm_raised',
      urgent: false,
      title: 'Alarm',
      text: 'Power above its limit',
      data: { nodeId: 'n1' },
    },
    channel: { channelId: 'c1', kind: 'webhook', address, signingSecretKeyIds },
  };
}

describe('webhook notifications', () => {
  const received: Received[] = [];
  let server: Server;
  let base: string;
  const current = newSigningSecret();
  const previous = newSigningSecret();
  const vault = vaultOf({ current, previous });
  const allowLoopback = new WebhookClient({ allowHosts: new Set(['127.0.0.1']) });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/redirect') {
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
          return;
        }
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function sendSigned(now: Date, keyIds: readonly string[]): Promise<Received> {
    received.length = 0;
    await new WebhookNotificationSender(allowLoopback, vault, () => now).send(aNotification(`${base}/hook`, keyIds));
    expect(received).toHaveLength(1);
    return received[0]!;
  }

  it('signs per Standard Webhooks: the receiver verifies the body, and refuses a tampered one or a wrong secret', async () => {
    const { headers, body } = await sendSigned(new Date(), ['current']);
    expect(headers['webhook-id']).toBe('b7a9c1de-0000-8000-8000-000000000001');
    expect(new Webhook(current).verify(body, headers as Record<string, string>)).toMatchObject({
      type: 'notification.alarm_raised',
      data: { title: 'Alarm', nodeId: 'n1' },
    });
    expect(() =>
      new Webhook(current).verify(body.replace('Alarm', 'Alarn'), headers as Record<string, string>),
    ).toThrow('No matching signature found');
    expect(() => new Webhook(newSigningSecret()).verify(body, headers as Record<string, string>)).toThrow(
      'No matching signature found',
    );
  });

  it('is refused by the receiver when its timestamp is more than five minutes off', async () => {
    const { headers, body } = await sendSigned(new Date(Date.now() - 6 * 60_000), ['current']);
    expect(() => new Webhook(current).verify(body, headers as Record<string, string>)).toThrow('too old');
  });

  it('carries two signatures during a rotation, each verifying with its own secret', async () => {
    const { headers, body } = await sendSigned(new Date(), ['current', 'previous']);
    expect(String(headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers as Record<string, string>)).not.toThrow();
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook', {}],
    ['a private network', 'https://10.1.2.3/hook', {}],
    ['cloud metadata', 'https://169.254.169.254/latest', {}],
    ['IPv6 loopback', 'https://[::1]/hook', {}],
    [
      'a name resolving to a private address',
      'https://hooks.example.test/hook',
      { 'hooks.example.test': '192.168.1.20' },
    ],
  ])('refuses %s for good (no retry)', async (_what, url, names: Record<string, string>) => {
    const client = new WebhookClient({
      resolve: (host) => Promise.resolve(names[host] ? [{ address: names[host], family: 4 as const }] : []),
    });
    const sending = new WebhookNotificationSender(client, vault, () => new Date()).send(
      aNotification(url, ['current']),
    );
    await expect(sending).rejects.toThrow(NotificationSendError);
    await expect(sending).rejects.toMatchObject({ retryable: false, message: expect.stringMatching(/not allowed/) });
  });

  it('does not follow a redirect to the metadata address', async () => {
    const sending = new WebhookNotificationSender(allowLoopback, vault, () => new Date()).send(
      aNotification(`${base}/redirect`, ['current']),
    );
    await expect(sending).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/redirects are not followed/),
    });
  });
});
