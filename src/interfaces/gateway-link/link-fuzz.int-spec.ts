import { connect as tcpConnect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readingsStream } from '../../application/metering/ingest-frame/readings-stream.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { fuzzCase, type FuzzCase } from '#test/support/link-fuzz-cases.js';
import { RawLinkClient } from '#test/support/link-client.js';
import { startLinkHarness, type LinkHarness } from '#test/support/link-harness.js';
import { uniquePrefix } from '#test/support/test-ids.js';

const CASES = Number(process.env.LINK_FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.LINK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CONCURRENCY = 24;
/** Reasons a session may be closed with for a malformed input; anything else means the server mis-judged it. */
const VIOLATIONS = new Set([
  'frame_too_large',
  'empty_frame',
  'truncated_frame',
  'bad_json',
  'bad_encoding',
  'bad_message',
  'unknown_type',
  'too_deep',
  'unsupported_version',
  'identity_mismatch',
  'unexpected_message',
]);

/** A full collection without --expose-gc on the command line: a context created after the flag has `gc`. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function heapAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not closed within ${ms} ms`)), ms)),
    ),
  ]);
}

async function runCase(port: number, identity: string, key: Buffer, c: FuzzCase): Promise<void> {
  if (c.layer === 'tcp') {
    const socket = tcpConnect({ host: '127.0.0.1', port });
    socket.on('error', () => undefined);
    // Read (and drop) what the server answers: a paused socket would never see the server's FIN.
    socket.resume();
    socket.end(c.bytes);
    await withTimeout(new Promise((r) => socket.once('close', r)), 5000, c.kind);
    return;
  }
  const client = await RawLinkClient.open(port, identity, key);
  client.sendRaw(c.bytes);
  if (c.end) client.socket.end();
  await withTimeout(client.closed, 5000, c.kind);
}

/** A well-behaved gateway sending one frame at a time and timing each ack, until told to stop. */
async function goodGateway(link: LinkHarness, id: string, key: Buffer, stop: () => boolean) {
  const { client, accept } = await RawLinkClient.accepted(link.port, id, key);
  let seq = accept.nextSequence;
  let worstAckMs = 0;
  while (!stop()) {
    const sentAt = performance.now();
    client.send({ type: 'readings', seq, payloads: [{ kind: 'dsmr', obis: '1-0:1.7.0', value: seq }] });
    await client.next('ack', 10_000);
    worstAckMs = Math.max(worstAckMs, performance.now() - sentAt);
    seq++;
    await new Promise((r) => setTimeout(r, 5));
  }
  await client.close();
  return { acked: seq, worstAckMs };
}

describe('gateway link under malformed input (fuzz)', () => {
  let backend: SqlBackend;
  let link: LinkHarness;

  beforeAll(async () => {
    backend = await openBackend('pglite', 'link-fuzz');
    link = await startLinkHarness(backend.store, { helloTimeoutMs: 5000 });
  });
  afterAll(async () => {
    await link.close();
    await backend.cleanup();
  });

  it(`closes every one of ${CASES} malformed sessions with a logged reason while a good gateway keeps being served`, async () => {
    const good = uniquePrefix('good').slice(0, -1);
    link.networkTypes.set(good, 'dsmr');
    const goodKey = link.keyRing.register(good);
    // One identity per worker: a valid hello takes over earlier sessions of the same gateway.
    const fuzzers = Array.from({ length: CONCURRENCY }, (_, i) => {
      const id = `fuzz-${i}-${SEED}`;
      return { id, key: link.keyRing.register(id) };
    });

    let stopped = false;
    const served = goodGateway(link, good, goodKey, () => stopped);
    const warmUp = 200;
    let next = 0;
    let tlsCases = 0;
    let heapBefore = 0;
    const failures: string[] = [];
    const worker = async ({ id, key }: { id: string; key: Buffer }): Promise<void> => {
      for (let i = next++; i < CASES; i = next++) {
        if (i === warmUp) heapBefore = heapAfterGc();
        // One generator per case: case i is the same for a given seed whichever worker runs it.
        const c = fuzzCase(SEED, id, i);
        if (c.layer === 'tls') tlsCases++;
        await runCase(link.port, id, key, c).catch((error: Error) => {
          if (failures.length < 20) failures.push(`case ${i} (${c.kind}): ${error.message}`);
        });
      }
    };
    await Promise.all(fuzzers.map(worker));
    stopped = true;
    const { acked, worstAckMs } = await served;
    await new Promise((r) => setTimeout(r, 300)); // let the last sockets' grace timers run out
    const heapAfter = heapAfterGc();

    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });

    const closes = [...link.logs.counts].filter(([key]) => key.startsWith('link session closed|'));
    const byReason = Object.fromEntries(closes.map(([key, n]) => [key.split('|')[1], n]));
    const violations = closes
      .filter(([key]) => VIOLATIONS.has(key.split('|')[1]!))
      .reduce((n, [, count]) => n + count, 0);
    // Every TLS case is exactly one session closed for a protocol violation; the good gateway closed once, normally.
    expect({ seed: SEED, violations, byReason }).toEqual({
      seed: SEED,
      violations: tlsCases,
      byReason: expect.any(Object),
    });
    expect(byReason.peer_closed).toBe(1);
    const refused = link.logs.counts.get('link handshake refused|protocol_error') ?? 0;
    expect(refused).toBe(CASES - tlsCases);

    expect(link.server.sessions()).toEqual([]);
    expect(acked).toBeGreaterThan(50);
    expect(worstAckMs).toBeLessThan(3000);
    const stored = await backend.store.readStream(readingsStream(good));
    expect(stored).toHaveLength(acked);
    // Generous on purpose: the point is that 10k hostile sessions leave nothing behind, not a tight number.
    expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
  }, 120_000);
});
