import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startHttpServer, type RunningServer } from '../../src/interfaces/http/http-server.js';

export const TOKEN = 'h'.repeat(64);
export const PROBLEM = /^application\/problem\+json(;|$)/;

export interface HostileServer {
  /** The running server; set once the suite's beforeAll has run. */
  readonly server: RunningServer;
  send(
    method: string,
    path: string,
    init?: { body?: string; contentType?: string; token?: string | null },
  ): Promise<Response>;
  /** Asserts a problem+json answer with `status` that leaks no internals, and returns its body. */
  problem(response: Response, status: number): Promise<Record<string, unknown>>;
}

/**
 * Starts an embedded server with tight request timeouts for the enclosing describe block (the hostile-input specs
 * share it), and the two helpers they send and check with.
 */
export function aHostileInputServer(): HostileServer {
  let server: RunningServer;
  let dataDir: string;
  const send = (
    method: string,
    path: string,
    init: { body?: string; contentType?: string; token?: string | null } = {},
  ): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }),
        ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json' } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
  const problem = async (response: Response, status: number): Promise<Record<string, unknown>> => {
    const text = await response.text();
    expect({ status: response.status, text: text.slice(0, 300) }).toEqual({
      status,
      text: expect.any(String),
    });
    expect(response.headers.get('content-type')).toMatch(PROBLEM);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
    });
    expect(text).not.toMatch(/stack|RangeError|invalid byte sequence|FST_ERR|at [A-Za-z]+ \(/);
    return body;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'wattlog-hostile-'));
    server = await startHttpServer(
      {
        storage: { store: 'embedded', dataDir },
        host: '127.0.0.1',
        port: 0,
        tls: null,
        adminToken: TOKEN,
        requestTimeouts: { headersMs: 1_000, requestMs: 3_000 },
      },
      pino({ level: 'silent' }),
    );
  }, 60_000);
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get server() {
      return server;
    },
    send,
    problem,
  };
}
