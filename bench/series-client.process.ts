import { Agent, get as httpGet } from 'node:http';

/*
 * The client of `bench query`, in its own process: receiving and parsing a 2 MB answer makes garbage that would
 * otherwise be collected during the server's next request and be counted as the server's latency. Sequential
 * requests; the request arrives as JSON in argv, the timings leave as one JSON line on stdout.
 */

export interface SeriesClientRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly warmUp: number;
  readonly requests: number;
}

export interface SeriesClientResult {
  /** Milliseconds until the whole body was received, per measured request. */
  readonly receivedMs: number[];
  /** The same in a second pass that also runs JSON.parse of the body. */
  readonly parsedMs: number[];
  /** Milliseconds until the whole body of the very first (warm-up) request was received. */
  readonly firstMs: number;
  /** Points of the first series in the last parsed answer. */
  readonly points: number;
  /** This client's own CPU (user + system) over the whole run, in microseconds. */
  readonly cpuMicros: number;
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** One keep-alive connection for every request, as a dashboard's browser would hold. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Sends the request and hands each chunk of the body to `onChunk`; resolves with the status once the body ended. */
function fetchBody(request: SeriesClientRequest, onChunk: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpGet(request.url, { headers: { ...request.headers }, agent }, (response) => {
      response.on('data', onChunk);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * Reads the answer to its end without keeping it: the time until the last byte, not the client's string building.
 * node:http rather than fetch: its web streams cost the client more per chunk, which would be counted as latency.
 */
async function receive(request: SeriesClientRequest): Promise<number> {
  let bytes = 0;
  let head = '';
  const status = await fetchBody(request, (chunk) => {
    if (head.length < 200) head += chunk.toString('utf8', 0, 200);
    bytes += chunk.byteLength;
  });
  if (status !== 200) throw new Error(`the API answered ${status}: ${head.slice(0, 200)}`);
  return bytes;
}

async function get(request: SeriesClientRequest): Promise<string> {
  const chunks: Buffer[] = [];
  const status = await fetchBody(request, (chunk) => chunks.push(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  if (status !== 200) throw new Error(`the API answered ${status}: ${text.slice(0, 200)}`);
  return text;
}

/**
 * Two passes: one timing the answer alone, one also parsing it. Parsing a year leaves 35,040 objects to collect,
 * which would land in the next request's time if both were timed in one loop.
 */
async function run(request: SeriesClientRequest): Promise<SeriesClientResult> {
  const cpuBefore = process.cpuUsage();
  const receivedMs: number[] = [];
  const parsedMs: number[] = [];
  let firstMs = 0;
  for (let i = 0; i < request.warmUp + request.requests; i++) {
    const started = process.hrtime.bigint();
    if ((await receive(request)) === 0) throw new Error('the API answered an empty body');
    if (i === 0) firstMs = ms(started);
    if (i >= request.warmUp) receivedMs.push(ms(started));
  }
  let points = 0;
  for (let i = 0; i < request.requests; i++) {
    const started = process.hrtime.bigint();
    const body = JSON.parse(await get(request)) as { series?: { points: unknown[] }[] };
    parsedMs.push(ms(started));
    points = body.series?.[0]?.points.length ?? 0;
  }
  agent.destroy();
  const { user, system } = process.cpuUsage(cpuBefore);
  return { receivedMs, parsedMs, firstMs, points, cpuMicros: user + system };
}

run(JSON.parse(process.argv[2] ?? '{}') as SeriesClientRequest).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
