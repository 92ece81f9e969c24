import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { bodyEchoes, CallbackVerificationError, verifyCallbackUrl } from './callback-verification.js';
import {
  WebhookClient,
  WebhookDeliveryError,
  webhookClientOptionsFromEnv,
  type WebhookClientOptions,
} from './webhook-client.js';

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A callback receiver on 127.0.0.1 and a free port; each route answers as the spec says. */
class Receiver {
  readonly received: Received[] = [];
  connections = 0;
  private readonly server: Server;

  private constructor(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        handler(req, res, body);
      });
    });
    this.server.on('connection', () => (this.connections += 1));
  }

  static async start(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<Receiver> {
    const receiver = new Receiver(handler);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path: string, host = '127.0.0.1', scheme = 'http'): string {
    return `${scheme}://${host}:${this.port}${path}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const route = (req: IncomingMessage, res: ServerResponse): void => {
  const url = new URL(req.url ?? '/', 'http://receiver');
  switch (url.pathname) {
    case '/ok':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      return;
    case '/echo':
      res.writeHead(200, { 'content-type': 'text/plain' }).end(url.searchParams.get('echo') ?? '');
      return;
    case '/echo-json':
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ echo: url.searchParams.get('echo') }));
      return;
    case '/echo-wrong':
      res.writeHead(200, { 'content-type': 'text/plain' }).end('something else');
      return;
    case '/echo-reflects-url':
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>Nothing at ${req.url}</p>`);
      return;
    case '/echo-204':
      res.writeHead(204).end();
      return;
    case '/redirect':
      res.writeHead(307, { location: '/ok' }).end();
      return;
    case '/slow':
      return; // never answers
    case '/big':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(4096)); // chunked: no content-length to trust
      return;
    case '/big-declared':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
      res.write('x'.repeat(100));
      return;
    case '/cut':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100' });
      res.write('partial', () => res.destroy());
      return;
    case '/unavailable':
      res.writeHead(503).end();
      return;
    case '/gone':
      res.writeHead(410).end();
      return;
    default:
      res.writeHead(404).end();
  }
};

const failure = async (promise: Promise<unknown>): Promise<WebhookDeliveryError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookDeliveryError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
};

describe('WebhookClient over real HTTP', () => {
  let receiver: Receiver;
  const allowLoopback: WebhookClientOptions = { allowHosts: new Set(['127.0.0.1']) };

  beforeAll(async () => {
    receiver = await Receiver.start(route);
  });
  afterAll(async () => {
    await receiver.stop();
  });

  it('POSTs the notification with its headers and returns the 2xx answer', async () => {
    const client = new WebhookClient(allowLoopback);
    const body = JSON.stringify({ objectType: 'EVENT', operation: 'CREATE', object: { id: 'e1' } });
    const response = await client.send({
      url: receiver.url('/ok?tag=1'),
      method: 'POST',
      headers: { authorization: 'Bearer subscriber-token' },
      body,
    });
    expect(response).toEqual({ status: 200, body: '{"received":true}', address: '127.0.0.1' });
    const seen = receiver.received.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/ok?tag=1', body });
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer subscriber-token',
      'content-type': 'application/json',
    });
  });

  it('gives up when the whole exchange takes longer than the timeout', async () => {
    const client = new WebhookClient({ ...allowLoopback, timeoutMs: 300 });
    const started = performance.now();
    const error = await failure(client.send({ url: receiver.url('/slow'), method: 'POST', body: '{}' }));
    expect(error).toMatchObject({ reason: 'timeout', retryable: true });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('treats a redirect as a failure and never follows it', async () => {
    const client = new WebhookClient(allowLoopback);
    const before = receiver.received.length;
    const error = await failure(client.send({ url: receiver.url('/redirect'), method: 'POST', body: '{}' }));
    expect(error).toMatchObject({ reason: 'redirect', status: 307, retryable: false });
    expect(receiver.received.slice(before).map((r) => r.url)).toEqual(['/redirect']);
  });

  it('refuses a host name that resolves to a loopback address, without connecting', async () => {
    const client = new WebhookClient(allowLoopback);
    const before = receiver.connections;
    const error = await failure(client.send({ url: receiver.url('/ok', 'localhost', 'https'), method: 'POST' }));
    expect(error).toMatchObject({ reason: 'blocked_address', retryable: false });
    expect(error.blocked?.category).toBe('loopback');
    expect(receiver.connections).toBe(before);
  });

  it('refuses loopback and metadata IP literals and plain HTTP when the host is not allow-listed', async () => {
    const client = new WebhookClient();
    const before = receiver.connections;
    await expect(failure(client.send({ url: receiver.url('/ok'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'https_required',
    });
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '169.254.169.254', '10.0.0.1']) {
      const error = await failure(client.send({ url: receiver.url('/ok', host, 'https'), method: 'POST' }));
      expect(error.reason).toBe('blocked_address');
    }
    expect(receiver.connections).toBe(before);
  });

  it('connects to the address it checked, resolving the name only once', async () => {
    const asked: string[] = [];
    const client = new WebhookClient({
      allowHosts: new Set(['receiver.test']),
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: '127.0.0.1', family: 4 }];
      },
    });
    const response = await client.send({ url: receiver.url('/ok', 'receiver.test'), method: 'POST', body: '{}' });
    expect(response.address).toBe('127.0.0.1');
    expect(receiver.received.at(-1)!.headers.host).toBe(`receiver.test:${receiver.port}`);
    expect(asked).toEqual(['receiver.test']);
  });

  it('refuses a name whose answers include one private address among public ones', async () => {
    const client = new WebhookClient({
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
    });
    const error = await failure(client.send({ url: 'https://mixed.test/hook', method: 'POST' }));
    expect(error).toMatchObject({ reason: 'blocked_address', blocked: { address: '10.0.0.7', category: 'private' } });
  });

  it('stops reading a response body over the bound, declared or not', async () => {
    const client = new WebhookClient({ ...allowLoopback, maxResponseBytes: 1024 });
    await expect(failure(client.send({ url: receiver.url('/big'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'body_too_large',
    });
    await expect(failure(client.send({ url: receiver.url('/big-declared'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'body_too_large',
    });
  });

  it('fails, without waiting for the timeout, when the receiver cuts the answer short', async () => {
    const client = new WebhookClient({ ...allowLoopback, timeoutMs: 5_000 });
    const started = performance.now();
    await expect(failure(client.send({ url: receiver.url('/cut'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'connection',
      retryable: true,
    });
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('takes the allow-list from WATTLOG_WEBHOOK_ALLOW_HOSTS', async () => {
    const options = webhookClientOptionsFromEnv({ WATTLOG_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    await expect(new WebhookClient(options).send({ url: receiver.url('/ok'), method: 'GET' })).resolves.toMatchObject({
      status: 200,
    });
    const none = webhookClientOptionsFromEnv({});
    await expect(
      failure(new WebhookClient(none).send({ url: receiver.url('/ok'), method: 'GET' })),
    ).resolves.toMatchObject({
      reason: 'https_required',
    });
  });

  it('tells a 5xx (retry later) from a 4xx (permanent)', async () => {
    const client = new WebhookClient(allowLoopback);
    await expect(failure(client.send({ url: receiver.url('/unavailable'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'http_status',
      status: 503,
      retryable: true,
    });
    await expect(failure(client.send({ url: receiver.url('/gone'), method: 'POST' }))).resolves.toMatchObject({
      reason: 'http_status',
      status: 410,
      retryable: false,
    });
  });

  it('reports a refused connection as retryable', async () => {
    const closed = await Receiver.start(route);
    const url = closed.url('/ok');
    await closed.stop();
    const error = await failure(new WebhookClient(allowLoopback).send({ url, method: 'POST' }));
    expect(error).toMatchObject({ reason: 'connection', retryable: true });
  });

  describe('the subscription callback check (Def-3.1.0 "Webhooks")', () => {
    const client = new WebhookClient(allowLoopback);

    it('passes when the callback answers 200 with the echo value, keeping the query it already had', async () => {
      await expect(verifyCallbackUrl(client, receiver.url('/echo?venue=7'))).resolves.toBeUndefined();
      const check = receiver.received.at(-1)!;
      expect(check.method).toBe('GET');
      const query = new URL(check.url, 'http://x').searchParams;
      expect(query.get('venue')).toBe('7');
      expect(query.get('echo')).toMatch(/^[A-Za-z0-9_-]{32}$/);
      await expect(
        verifyCallbackUrl(client, receiver.url('/echo-json'), { challenge: 'abc' }),
      ).resolves.toBeUndefined();
    });

    it('uses a fresh challenge each time', async () => {
      await verifyCallbackUrl(client, receiver.url('/echo'));
      await verifyCallbackUrl(client, receiver.url('/echo'));
      const [a, b] = receiver.received.slice(-2).map((r) => new URL(r.url, 'http://x').searchParams.get('echo'));
      expect(a).not.toBe(b);
    });

    it.each([
      ['/echo-wrong', 'echo_mismatch'],
      ['/echo-reflects-url', 'echo_mismatch'],
      ['/echo-204', 'not_200'],
      ['/redirect', 'redirect'],
      ['/unavailable', 'http_status'],
    ])('fails for %s (%s)', async (path, reason) => {
      const error = await verifyCallbackUrl(client, receiver.url(path)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CallbackVerificationError);
      expect(error).toMatchObject({ reason });
    });

    it('fails for a callback on a private address before any request', async () => {
      const before = receiver.connections;
      const error = await verifyCallbackUrl(new WebhookClient(), receiver.url('/echo', 'localhost', 'https')).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ reason: 'blocked_address' });
      expect(receiver.connections).toBe(before);
    });

    it('accepts only the echo itself, as text, a JSON string or {"echo": …}', () => {
      expect(bodyEchoes(' abc\n', 'abc')).toBe(true);
      expect(bodyEchoes('"abc"', 'abc')).toBe(true);
      expect(bodyEchoes('{"echo":"abc"}', 'abc')).toBe(true);
      expect(bodyEchoes('xabcx', 'abc')).toBe(false);
      expect(bodyEchoes('{"echo":"abd"}', 'abc')).toBe(false);
      expect(bodyEchoes('', 'abc')).toBe(false);
    });
  });
});

describe('WebhookClient over HTTPS to a pinned address', () => {
  const certificateFor = (name: string) =>
    generate([{ name: 'commonName', value: name }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: name }] }],
    });

  it('verifies the certificate against the host name while connecting to the resolved address', async () => {
    const pems = await certificateFor('receiver.test');
    const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(req.headers.host);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const client = (ca: string) =>
      new WebhookClient({
        allowHosts: new Set(['receiver.test', 'impostor.test']),
        resolve: async () => [{ address: '127.0.0.1', family: 4 }],
        ca,
      });
    try {
      const response = await client(pems.cert).send({ url: `https://receiver.test:${port}/hook`, method: 'POST' });
      expect(response).toMatchObject({ status: 200, body: `receiver.test:${port}`, address: '127.0.0.1' });
      const wrongName = await failure(
        client(pems.cert).send({ url: `https://impostor.test:${port}/`, method: 'POST' }),
      );
      expect(wrongName.reason).toBe('connection');
      expect(wrongName.message).toMatch(/impostor\.test/);
      const other = await certificateFor('receiver.test');
      const untrusted = await failure(
        client(other.cert).send({ url: `https://receiver.test:${port}/`, method: 'POST' }),
      );
      expect(untrusted.reason).toBe('connection');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
