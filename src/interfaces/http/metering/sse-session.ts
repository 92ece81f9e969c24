import type { ServerResponse } from 'node:http';
import type {
  FeedEnd,
  LiveReadingFeed,
} from '../../../application/metering/query-readings/watch-readings/live-reading-feed.js';

export interface SseOptions {
  /** Comment lines that keep proxies and load balancers from closing an idle stream. */
  readonly heartbeatMs: number;
  /** How long the client may suggest to wait before reconnecting, sent as `retry:`. */
  readonly retryMs: number;
}

export const SSE_OPTIONS = Symbol('SseOptions');
export const DEFAULT_SSE_OPTIONS: SseOptions = { heartbeatMs: 15_000, retryMs: 5_000 };

export type SseEnd = FeedEnd | 'disconnected';

function waitForDrain(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

/**
 * Writes a feed as Server-Sent Events until the client leaves or the feed ends. Writes wait for the socket to drain,
 * so what waits for a slow client is the feed's bounded queue; when that overflows the connection is dropped (the
 * client may reconnect) instead of buffering more. Never throws: the response is already committed.
 */
export async function serveSse(response: ServerResponse, feed: LiveReadingFeed, options: SseOptions): Promise<SseEnd> {
  let disconnected = false;
  let closing: Promise<void> | undefined;
  const closeFeed = (): Promise<void> => (closing ??= feed.close().catch(() => undefined));
  const open = (): boolean => !disconnected && !response.destroyed && !response.writableEnded;
  response.on('close', () => {
    disconnected = true;
    void closeFeed();
  });
  void feed.ended.then((reason) => {
    // A client stuck behind a full socket would otherwise hold the stream forever.
    if (reason === 'overflow') response.destroy();
  });
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    'x-accel-buffering': 'no',
  });
  // Sent at once so that clients see the stream open before the first reading.
  response.write(`retry: ${options.retryMs}\n: connected\n\n`);
  const heartbeat = setInterval(() => {
    // Also catches a client that left before the 'close' listener was attached.
    if (open()) response.write(': heartbeat\n\n');
    else void closeFeed();
  }, options.heartbeatMs);
  try {
    for await (const reading of feed) {
      if (!open()) break;
      // The event's log position goes on its last reading only: a client resuming with Last-Event-ID gets the
      // readings after that event, so it applies readings when their event's id arrives and none twice.
      const id = feed.completedPosition ? `id: ${feed.completedPosition}\n` : '';
      if (!response.write(`event: reading\ndata: ${JSON.stringify(reading)}\n${id}\n`)) await waitForDrain(response);
    }
  } catch {
    // The feed does not throw; a write to a socket closing under us ends the stream like a disconnect.
  } finally {
    clearInterval(heartbeat);
  }
  await closeFeed();
  if (open()) response.end();
  // `closed` can only come from closeFeed(): the client went away (or the response broke) before the feed ended.
  const reason = await feed.ended;
  return reason === 'closed' ? 'disconnected' : reason;
}
