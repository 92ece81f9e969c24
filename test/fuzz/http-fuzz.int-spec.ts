import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';
import { hostileRequest, operationsOf, type HostileRequest, type Operation } from './hostile-requests.js';

const TOKEN = 'f'.repeat(64);
/** Fixed so a failure replays; HTTP_FUZZ_SEED explores others, HTTP_FUZZ_RUNS goes deeper. */
const SEED = Number(process.env.HTTP_FUZZ_SEED ?? 20_261_207);
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 24);
/** Longest a refusal may take, on two busy cores. */
const MAX_MS = 3_000;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly ms: number;
}

/**
 * Property-based fuzzing of every operation of the served OpenAPI document: hostile path ids, query strings,
 * headers, bodies and media types, as the admin, anonymously and with a garbage token. Whatever arrives, the
 * answer is never a 5xx, an error is problem+json (or the media type the document declares for it), and it comes
 * in bounded time.
 */
describe('HTTP fuzz: every operation of the OpenAPI document', () => {
  let server: RunningServer;
  let dataDir: string;
  let operations: Operation[] = [];

  const send = async (request: HostileRequest): Promise<Answer> => {
    const started = performance.now();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), MAX_MS * 2);
    try {
      const response = await fetch(`${server.url}${request.url}`, {
        method: request.method,
        headers: request.headers,
        signal: controller.signal,
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const contentType = response.headers.get('content-type') ?? '';
      // A stream that was opened is a success; its events are not what is fuzzed here.
      const text = contentType.startsWith('text/event-stream') ? '' : await response.text();
      return {
        status: response.status,
        contentType,
        text,
        ms: performance.now() - started,
      };
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-http-fuzz-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
      },
      pino({ level: 'silent' }),
    );
    operations = operationsOf((await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, unknown>);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('covers every operation the document names', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('answers hostile requests to every operation with a 4xx problem (or a success), never a 5xx, in bounded time', async () => {
    const failures: string[] = [];
    for (const operation of operations) {
      await fc
        .assert(
          fc.asyncProperty(hostileRequest(operation, TOKEN), async (request) => {
            const answer = await send(request);
            const problem = /^application\/problem\+json(;|$)/.test(answer.contentType);
            const declared = (operation.otherErrorTypes.get(answer.status) ?? []).some((t) =>
              answer.contentType.startsWith(t),
            );
            const ok = answer.status < 500 && answer.ms < MAX_MS && (answer.status < 400 || problem || declared);
            if (!ok)
              failures.push(
                `${operation.method} ${operation.path}: ${answer.status} ${answer.contentType} ${Math.round(answer.ms)} ms ${answer.text.slice(0, 200)}`,
              );
            return ok;
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        )
        .catch((error: unknown) =>
          failures.push(
            `${operation.method} ${operation.path}: ${String(error).split('\n').slice(0, 3).join(' ').slice(0, 600)}`,
          ),
        );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
