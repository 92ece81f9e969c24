import autocannon from 'autocannon';

/*
 * The HTTP load generator of `bench api`, in its own process so that the server under test has its event loop to
 * itself, and both servers of a run face the very same client. One run per invocation: the request arrives as JSON
 * in argv, the result leaves as one JSON line on stdout.
 */

export interface HttpLoadRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly seconds: number;
  /** Default GET. */
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
}

export interface HttpLoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** This load process's own CPU (user + system) over the run, in microseconds. */
  readonly cpuMicros: number;
}

async function run(request: HttpLoadRequest): Promise<HttpLoadResult> {
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: request.url,
    headers: { ...request.headers },
    ...(request.method !== undefined ? { method: request.method } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
    connections: request.connections,
    duration: request.seconds,
    timeout: 10,
  });
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuMicros: (({ user, system }) => user + system)(process.cpuUsage(cpuBefore)),
  };
}

const raw = process.argv[2];
if (raw === undefined) {
  process.stderr.write('http-load: expects the request as a JSON argument\n');
  process.exit(2);
}
run(JSON.parse(raw) as HttpLoadRequest).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`http-load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
