import { spawn } from 'node:child_process';
import { connect } from 'node:net';

/** What a raw HTTP/1.1 exchange came back with: status, headers (lower-case) and body, or how the socket ended (`closedAfterMs`: when the answer was whole or the socket closed). */
export interface RawAnswer {
  readonly status: number | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly closedAfterMs: number;
  readonly error: string | null;
}

/** Sends bytes no HTTP client library would (raw bytes in the URL, oversized headers, half a request) and reads the answer. */
export function rawExchange(
  url: string,
  request: Buffer | string,
  options: { readonly timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | null = null;
    const socket = connect({ host: hostname, port: Number(port) });
    const timer = setTimeout(() => socket.destroy(new Error('no answer in time')), options.timeoutMs ?? 15_000);
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1];
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({
        status: status ? Number(status) : null,
        headers,
        body: rest.join('\r\n\r\n'),
        closedAfterMs: Date.now() - started,
        error,
      });
      socket.destroy();
    };
    // A whole answer is enough: on a kept-alive connection the server need not close it.
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, headEnd))?.[1];
      if (headEnd >= 0 && length !== undefined && Buffer.byteLength(text, 'latin1') >= headEnd + 4 + Number(length))
        settle();
    });
    socket.on('error', (e) => (error = e.message));
    socket.on('close', settle);
    // The socket stays open after the request: the server decides when it ends.
    socket.write(request);
  });
}

/** A JSON object with `keys` members, as text (built before timing anything). */
export function wideJson(keys: number): string {
  const parts: string[] = [];
  for (let i = 0; i < keys; i++) parts.push(`"k${i}":${i}`);
  return `{${parts.join(',')}}`;
}

/** `[[[…]]]` nested `depth` deep, as text. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** Latencies (ms) of `/health/live`, asked every `everyMs` until `until` settles. */
export async function livenessDuring(url: string, until: Promise<unknown>, everyMs = 5): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${url}/health/live`);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return latencies;
}

/**
 * Sends `rounds` × (50,000-member body, 10,000-deep body) to login and refresh from a child process, so building and
 * sending them does not load the event loop the server and the liveness probe share. Resolves with the statuses.
 */
export function hostileBodiesFromChild(
  url: string,
  rounds: number,
): { readonly sending: Promise<void>; readonly statuses: Promise<number[]> } {
  const script = `
    const parts = []; for (let i = 0; i < 50000; i++) parts.push('"k' + i + '":' + i);
    const wide = '{' + parts.join(',') + '}';
    const deep = '{"a":' + '['.repeat(10000) + ']'.repeat(10000) + '}';
    const bodies = []; for (let r = 0; r < ${rounds}; r++) bodies.push(wide, deep);
    process.stdout.write('sending\\n');
    Promise.all(bodies.map(async (body, i) => {
      const response = await fetch(${JSON.stringify(url)} + (i % 2 ? '/api/auth/refresh' : '/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.arrayBuffer();
      return response.status;
    })).then((statuses) => process.stdout.write(JSON.stringify(statuses) + '\\n'));
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let onSending: () => void = () => undefined;
  const sending = new Promise<void>((resolve) => (onSending = resolve));
  const statuses = new Promise<number[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('sending\n')) onSending();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('[')) resolve(JSON.parse(last) as number[]);
      else reject(new Error(`the hostile client ended with ${code}: ${output}`));
    });
  });
  return { sending, statuses };
}
