/**
 * The spec runner (jest-light-runner, ADR 0027) runs tests and hooks without a time limit, so one test that never
 * settles would hold the whole run until CI gives up. This wraps the globals so each test and hook gets the limit
 * Jest would give it: its own third argument, else the `testTimeout` that jest.config.js
 * passes down as WATTLOG_TEST_TIMEOUT_MS. Loaded once per worker.
 */
type Body = (...args: unknown[]) => unknown;
type Registrar = (name: unknown, body?: Body, timeout?: number) => unknown;
type Hook = (body: Body, timeout?: number) => unknown;

const defaultLimit = Number(process.env.WATTLOG_TEST_TIMEOUT_MS) || 20_000;

function limited(body: Body | undefined, limit: number | undefined, what: () => string): Body | undefined {
  if (typeof body !== 'function') return body;
  const ms = limit ?? defaultLimit;
  return function (this: unknown, ...args: unknown[]) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Exceeded the time limit of ${ms} ms: ${what()}`)), ms);
    });
    const run = Promise.resolve().then(() => body.apply(this, args));
    return Promise.race([run, expired]).finally(() => clearTimeout(timer));
  };
}

function limitTests(original: Registrar & Record<string, unknown>): Registrar {
  const register = (name: unknown, body?: Body, timeout?: number) =>
    original(
      name,
      limited(body, timeout, () => `test "${String(name)}"`),
      timeout,
    );
  const each =
    (...table: unknown[]) =>
    (name: unknown, body: Body, timeout?: number) =>
      (original.each as (...t: unknown[]) => Registrar)(...table)(
        name,
        limited(body, timeout, () => `test "${String(name)}"`),
        timeout,
      );
  const only = (original.only as Registrar & { each: typeof each }) ?? undefined;
  return Object.assign(register, original, {
    each,
    only: (name: unknown, body?: Body, timeout?: number) =>
      only(
        name,
        limited(body, timeout, () => `test "${String(name)}"`),
        timeout,
      ),
  });
}

function limitHook(original: Hook, kind: string): Hook {
  return (body, timeout) =>
    original(
      limited(body, timeout, () => kind)!,
      timeout,
    );
}

const globals = globalThis as unknown as Record<string, unknown>;
for (const name of ['it', 'test']) globals[name] = limitTests(globals[name] as Registrar & Record<string, unknown>);
for (const name of ['beforeAll', 'afterAll', 'beforeEach', 'afterEach']) {
  globals[name] = limitHook(globals[name] as Hook, name);
}

/*
 * A promise a spec left behind may reject after its file has finished (a client still waiting when its server
 * closed). Node would then throw in the worker and fail whichever spec file the worker is loading next, for nothing
 * that file did. Such a rejection is reported here instead, with its stack, as Jest's own runner let it pass.
 */
process.on('unhandledRejection', (reason) => {
  const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
  process.stderr.write(`unhandled rejection in a spec worker (ignored): ${detail}\n`);
});
