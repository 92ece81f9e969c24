import { createServer, type IncomingMessage, type Server } from 'node:http';

/** One notification POSTed to the receiver. */
export interface ReceivedNotification {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: { objectType: string; operation: string; object: { id: string } & Record<string, unknown> };
}

/**
 * A subscriber's webhook receiver as Def-3.1.0 "Webhooks" describes it, on 127.0.0.1: a GET carrying `echo` is
 * answered 200 with the value as the body; a POST is a notification, recorded and answered 200. Paths under
 * `/refuse-echo` answer the echo wrongly, `/moved` answers every request (the echo check too) with a 302 to a cloud
 * metadata address, `/redirect` answers notifications so, `/broken` answers them 500.
 */
export interface CallbackReceiver {
  readonly base: string;
  readonly received: ReceivedNotification[];
  /** GET echo checks answered, by path. */
  readonly echoes: string[];
  /** POSTs answered with an error (`/broken`, `/redirect`). */
  readonly refused: string[];
  /** Resolves once `count` notifications arrived in all; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedNotification[]>;
  close(): Promise<void>;
}

const bodyOf = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: ReceivedNotification[] = [];
  const echoes: string[] = [];
  const refused: string[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const echo = url.searchParams.get('echo');
    if (url.pathname.startsWith('/moved')) {
      echoes.push(url.pathname);
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      response.end();
      return;
    }
    if (request.method === 'GET' && echo !== null) {
      echoes.push(url.pathname);
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(url.pathname.startsWith('/refuse-echo') ? 'not-the-challenge' : echo);
      return;
    }
    void bodyOf(request).then((text) => {
      if (url.pathname.startsWith('/redirect')) {
        refused.push(url.pathname);
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        response.end();
        return;
      }
      if (url.pathname.startsWith('/broken')) {
        refused.push(url.pathname);
        response.writeHead(500);
        response.end();
        return;
      }
      received.push({
        path: url.pathname,
        authorization: request.headers.authorization,
        body: JSON.parse(text) as ReceivedNotification['body'],
      });
      response.writeHead(200);
      response.end();
      waiters = waiters.filter((w) => (received.length >= w.count ? (w.resolve(), false) : true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    echoes,
    refused,
    waitFor(count, timeoutMs = 15_000) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${received.length} of ${count} notifications arrived in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
