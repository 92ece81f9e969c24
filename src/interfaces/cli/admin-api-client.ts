import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../infrastructure/config/app-config.js';

/** A failure the CLI prints as one line on stderr. */
export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
}

export interface AdminApiTarget {
  readonly url: URL;
  readonly token: string;
  /** PEM to trust for HTTPS (the server's generated self-signed certificate); absent: system roots. */
  readonly ca?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The API a subcommand talks to: its `--server` (or its parent command's), else the environment. */
export function adminApiOf(command: Command): AdminApiTarget {
  const { server } = command.optsWithGlobals<{ server?: string }>();
  return resolveAdminApi(server, process.env);
}

/** What the admin commands answer: the API's JSON, indented, on standard output. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Where the running server is and how to authenticate: --server or WATTLOG_URL (default https://127.0.0.1:$PORT),
 * WATTLOG_ADMIN_TOKEN or the token the server wrote to <dataDir>/admin-token, and <dataDir>/tls/cert.pem as trust.
 */
export function resolveAdminApi(server: string | undefined, env: NodeJS.ProcessEnv): AdminApiTarget {
  const config = loadConfig(env);
  const raw = server ?? (env.WATTLOG_URL || `${config.http}://127.0.0.1:${config.port}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AdminApiError(`server URL ${JSON.stringify(raw)} is not a URL; expected e.g. https://127.0.0.1:3000`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AdminApiError(`server URL must start with https:// or http://, got ${url.protocol}//`);
  const tokenPath = join(config.dataDir, 'admin-token');
  const token = config.adminToken ?? (existsSync(tokenPath) ? readFileSync(tokenPath, 'utf8').trim() : undefined);
  if (!token) {
    throw new AdminApiError(
      `no admin token: set WATTLOG_ADMIN_TOKEN, or WATTLOG_DATA_DIR to the server's data directory (no ${tokenPath})`,
    );
  }
  const certPath = join(config.dataDir, 'tls', 'cert.pem');
  const ca = url.protocol === 'https:' && existsSync(certPath) ? readFileSync(certPath, 'utf8') : undefined;
  return { url, token, ...(ca !== undefined ? { ca } : {}) };
}

function describeFailure(body: string, status: number): string {
  try {
    // The server answers errors as problem details (RFC 9457); `detail` says what went wrong.
    const parsed = JSON.parse(body) as { detail?: unknown };
    if (typeof parsed.detail === 'string' && parsed.detail !== '') return `server answered ${status}: ${parsed.detail}`;
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return `server answered ${status}: ${body.slice(0, 200).replace(/\s+/g, ' ') || '(empty body)'}`;
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  const where = url.origin;
  if (error.code === 'ECONNREFUSED')
    return `cannot reach the server at ${where} (connection refused); is it running? Use --server or WATTLOG_URL`;
  if (
    error.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    error.code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    error.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
  ) {
    return `the server at ${where} presented a certificate this CLI does not trust (${error.code}); set WATTLOG_DATA_DIR to the server's data directory so <dataDir>/tls/cert.pem is used`;
  }
  return `request to ${where} failed: ${error.code ?? error.message}`;
}

/** One JSON request to the admin API; resolves to the parsed body of a 2xx answer, otherwise throws AdminApiError. */
export function callAdminApi<T>(
  target: AdminApiTarget,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<T> {
  const url = new URL(path, target.url);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {
    ...extraHeaders,
    authorization: `Bearer ${target.token}`,
    accept: 'application/json',
  };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise<T>((resolve, reject) => {
    const options = {
      method,
      headers,
      timeout: REQUEST_TIMEOUT_MS,
      ...(target.ca !== undefined ? { ca: target.ca } : {}),
    };
    const onResponse = (res: IncomingMessage): void => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          reject(new AdminApiError(describeFailure(text, status)));
          return;
        }
        // 204 No Content (a delete) has no body to parse.
        if (status === 204) {
          resolve(undefined as T);
          return;
        }
        try {
          resolve(JSON.parse(text) as T);
        } catch {
          reject(new AdminApiError(`server answered ${status} with a body that is not JSON`));
        }
      });
      res.on('error', (error) => reject(new AdminApiError(describeNetworkError(error, url))));
    };
    const req =
      url.protocol === 'https:' ? httpsRequest(url, options, onResponse) : httpRequest(url, options, onResponse);
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => reject(new AdminApiError(describeNetworkError(error, url))));
    req.end(payload);
  });
}
