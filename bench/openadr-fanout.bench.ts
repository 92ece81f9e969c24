import { createServer } from 'node:http';
import type { RunningServer } from '../src/interfaces/http/http-server.js';

const BASE = '/openadr3/3.1.0';

export interface FanOutOptions {
  readonly subscribers: number;
  readonly events: number;
}

interface Receipts {
  count: number;
  lastAt: number;
  done?: () => void;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Notification fan-out: `subscribers` subscriptions of one utility, each with its own callback path on one local
 * receiver (127.0.0.1, allow-listed), all listening for EVENT CREATE of one program; then `events` events created one
 * after the other through the API. For each, the time from sending its POST to the last subscriber's receipt of its
 * notification: the write, the log, the notification process, the sender and the HTTP round trips.
 */
export async function measureFanOut(
  server: RunningServer,
  token: string,
  options: FanOutOptions,
): Promise<Record<string, unknown>> {
  const receipts = new Map<string, Receipts>();
  const receiver = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const echo = url.searchParams.get('echo');
    if (request.method === 'GET' && echo !== null) {
      response.end(echo);
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      response.end();
      const { object } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { object: { id: string } };
      const seen = receipts.get(object.id) ?? { count: 0, lastAt: 0 };
      seen.count += 1;
      seen.lastAt = performance.now();
      receipts.set(object.id, seen);
      if (seen.count === options.subscribers) seen.done?.();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<{ id: string }> => {
    const response = await fetch(`${server.url}${BASE}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`bench setup: POST ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as { id: string };
  };
  try {
    const program = await post('/programs', { programName: `fan-out-${Date.now()}` });
    for (let i = 0; i < options.subscribers; i += 1)
      await post('/subscriptions', {
        clientName: `subscriber-${i}`,
        programID: program.id,
        objectOperations: [
          { objects: ['EVENT'], operations: ['CREATE'], callbackUrl: `${base}/s${i}`, bearerToken: `token-${i}` },
        ],
      });
    const latencies: number[] = [];
    for (let e = 0; e < options.events; e += 1) {
      const started = performance.now();
      const created = await post('/events', {
        programID: program.id,
        intervalPeriod: { start: '2026-12-08T00:00:00Z', duration: 'PT1H' },
        intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.1 + e / 1000] }] }],
      });
      const seen = receipts.get(created.id) ?? { count: 0, lastAt: 0 };
      receipts.set(created.id, seen);
      if (seen.count < options.subscribers) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`event ${e}: ${seen.count} of ${options.subscribers} notified after 60 s`)),
            60_000,
          );
          seen.done = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      latencies.push(seen.lastAt - started);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    return {
      fanOutP50Ms: Number(percentile(sorted, 50).toFixed(1)),
      fanOutP99Ms: Number(p99.toFixed(1)),
      fanOutMaxMs: Number(sorted.at(-1)!.toFixed(1)),
      fanOut: `time from sending POST ${BASE}/events to the last of ${options.subscribers} subscriptions' callbacks (one local receiver, one path each) receiving its EVENT CREATE notification; ${options.events} events created one after another`,
      fanOutTarget: 'p99 < 1000 ms',
      fanOutMet: p99 < 1000,
    };
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}
