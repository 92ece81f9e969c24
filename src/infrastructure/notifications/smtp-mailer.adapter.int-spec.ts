import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationSendError } from '../../application/notifications/ports/notification-sender.port.js';
import type { OutgoingNotification } from '../../application/notifications/ports/notification-sender.port.js';
import { EmailNotificationSender, unsubscribeTarget } from './email-notification.sender.js';
import { SmtpMailer } from './smtp-mailer.adapter.js';

const PASSWORD = 'smtp-pa55-never-logged';

interface Mail {
  readonly from: string;
  readonly to: string[];
  readonly raw: string;
}

function aNotification(to: string): OutgoingNotification {
  return {
    deliveryId: 'd1d1d1d1-0000-8000-8000-000000000001',
    subjectEventId: 'e1',
    ownerId: 'owner-1',
    attempt: 1,
    createdAt: '2026-03-01T10:00:00.000Z',
    message: {
      topic: 'alarm_raised',
      urgent: false,
      title: 'Alarm on node n1',
      text: 'Power <above> its limit',
      data: {},
    },
    channel: { channelId: 'c1', kind: 'email', address: to, signingSecretKeyIds: [] },
  };
}

describe('e-mail notifications over SMTP', () => {
  const mails: Mail[] = [];
  let server: SMTPServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    server = new SMTPServer({
      hideSTARTTLS: true,
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) =>
        auth.username === 'wattlog' && auth.password === PASSWORD
          ? callback(null, { user: 'wattlog' })
          : callback(new Error('bad credentials')),
      onRcptTo: (address, _session, callback) => {
        const fail = (code: number, text: string) => callback(Object.assign(new Error(text), { responseCode: code }));
        if (address.address.startsWith('busy@')) return fail(451, 'try again later');
        if (address.address.startsWith('nobody@')) return fail(550, 'no such user');
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          mails.push({
            from,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    mailer = new SmtpMailer({
      url: `smtp://wattlog:${PASSWORD}@127.0.0.1:${port}`,
      from: 'Wattlog <alerts@wattlog.example>',
    });
  });

  afterAll(async () => {
    mailer.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sender = () =>
    new EmailNotificationSender(mailer, unsubscribeTarget('https://wattlog.example', 'alerts@wattlog.example'));

  it('sends the subject, plain and HTML text, a stable Message-ID and List-Unsubscribe', async () => {
    await sender().send(aNotification('owner@example.com'));
    const mail = mails.at(-1)!;
    expect(mail.from).toBe('alerts@wattlog.example');
    expect(mail.to).toEqual(['owner@example.com']);
    const raw = mail.raw.replace(/\r\n[ \t]+/g, ' ');
    expect(raw).toMatch(/^Subject: \[Wattlog\] Alarm on node n1$/m);
    expect(raw).toMatch(/^Message-ID: <notification-d1d1d1d1-0000-8000-8000-000000000001@wattlog\.example>$/m);
    expect(raw).toMatch(/^List-Unsubscribe: <https:\/\/wattlog\.example\/notifications\?channel=c1>$/m);
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Power &lt;above&gt; its limit');
  });

  it('calls a 4xx reply retryable and a 5xx reply final, and never names the password', async () => {
    const busy = sender().send(aNotification('busy@example.com'));
    await expect(busy).rejects.toThrow(NotificationSendError);
    await expect(busy).rejects.toMatchObject({ retryable: true, message: 'SMTP 451' });
    const nobody = sender().send(aNotification('nobody@example.com'));
    await expect(nobody).rejects.toMatchObject({ retryable: false, message: 'SMTP 550' });
    const refused = new SmtpMailer({ url: `smtp://wattlog:${PASSWORD}@127.0.0.1:1`, from: 'alerts@wattlog.example' });
    const lost = refused.send({ to: 'owner@example.com', subject: 's', text: 't' });
    await expect(lost).rejects.toMatchObject({ retryable: true });
    await expect(lost).rejects.not.toThrow(PASSWORD);
    refused.close();
  });
});
