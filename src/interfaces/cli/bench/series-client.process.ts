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
}

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Reads the answer to its end without keeping it: the time until the last byte, not the client's string building. */
async function receive(request: SeriesClientRequest): Promise<number> {
  const response = await fetch(request.url, { headers: { ...request.headers } });
  if (response.status !== 200) throw new Error(`the API answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  let bytes = 0;
  for await (const chunk of response.body ?? []) bytes += (chunk as Uint8Array).byteLength;
  return bytes;
}

async function get(request: SeriesClientRequest): Promise<string> {
  const response = await fetch(request.url, { headers: { ...request.headers } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the API answered ${response.status}: ${text.slice(0, 200)}`);
  return text;
}

/**
 * Two passes: one timing the answer alone, one also parsing it. Parsing a year leaves 35,040 objects to collect,
 * which would land in the next request's time if both were timed in one loop.
 */
async function run(request: SeriesClientRequest): Promise<SeriesClientResult> {
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
  return { receivedMs, parsedMs, firstMs, points };
}

run(JSON.parse(process.argv[2] ?? '{}') as SeriesClientRequest).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
