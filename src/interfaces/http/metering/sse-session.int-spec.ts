import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoundedReadingFeed } from '../../../application/metering/query-readings/watch-readings/live-reading-feed.js';
import type { CanonicalReading } from '../../../domain/metering/canonical-reading.js';
import { aReading } from '#test/fixtures/readings-read-model.fixtures.js';
import { openSse } from '#test/fixtures/sse-client.fixtures.js';
import { serveSse, type SseEnd } from './sse-session.js';

interface Served {
  readonly url: string;
  readonly feed: BoundedReadingFeed;
  readonly closes: { count: number };
  readonly result: Promise<SseEnd>;
  readonly server: Server;
}

/** A real HTTP server whose one route serves `feed` the way the readings stream does, with short intervals. */
async function serve(capacity = 1000): Promise<Served> {
  const closes = { count: 0 };
  const feed = new BoundedReadingFeed(
    () => true,
    capacity,
    () => {
      closes.count += 1;
      return Promise.resolve();
    },
  );
  let settle!: (end: Promise<SseEnd>) => void;
  const result = new Promise<SseEnd>((resolve) => (settle = (end) => resolve(end)));
  const server = createServer((_req, res) => settle(serveSse(res, feed, { heartbeatMs: 30, retryMs: 1000 })));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, feed, closes, result, server };
}

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('serveSse', () => {
  it('writes readings as `event: reading` with JSON data and sends heartbeats between them', async () => {
    const served = await serve();
    const client = await openSse(served.url, {});
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-store, no-transform');
    const reading: CanonicalReading = aReading({ sensorId: 'zigbee:0x1/power', value: 42.5, phase: 'L3' });
    served.feed.offer([reading]);
    const [message] = await client.waitForMessages(1);
    expect(message).toEqual({ event: 'reading', data: JSON.stringify(reading) });
    const deadline = Date.now() + 2000;
    while (client.comments.filter((c) => c === 'heartbeat').length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(client.comments.filter((c) => c === 'heartbeat').length).toBeGreaterThanOrEqual(3);
    client.abort();
    expect(await served.result).toBe('disconnected');
    expect(served.closes.count).toBe(1);
    await close(served.server);
  });

  it('ends the response cleanly when the feed ends for shutdown', async () => {
    const served = await serve();
    const client = await openSse(served.url, {});
    await client.waitForMessages(0);
    served.feed.end('shutdown');
    await client.ended;
    expect(client.response.complete).toBe(true);
    expect(await served.result).toBe('shutdown');
    await close(served.server);
  });

  it('drops a client that stops reading once the feed overflows, instead of buffering', async () => {
    const served = await serve(100);
    const client = await openSse(served.url, {});
    client.response.pause();
    let ended = false;
    void served.result.then(() => (ended = true));
    let offered = 0;
    while (!ended && offered < 1_000_000) {
      served.feed.offer(Array.from({ length: 50 }, () => aReading({ sensorId: 's/power', value: offered++ })));
      await new Promise((r) => setImmediate(r));
    }
    expect(await served.result).toBe('overflow');
    client.response.resume();
    await client.ended;
    expect(client.messages.length).toBeLessThan(offered);
    expect(served.closes.count).toBe(1);
    await close(served.server);
  }, 30_000);
});
