import type passportModule from 'passport';

/**
 * What a strategy may read. Strategies get this carrier instead of Fastify's request: passport decorates the
 * object it is given, and the carrier holds only what the strategy should see (no query string credentials).
 */
export interface StrategyRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body?: unknown;
  readonly query: Record<string, never>;
  readonly ip: string;
}

export type StrategyOutcome<U> =
  { readonly ok: true; readonly user: U } | { readonly ok: false; readonly info: unknown };

/** Runs one strategy of a private passport instance with a callback, so passport never writes a response itself. */
export function runStrategy<U>(
  passport: passportModule.Authenticator,
  strategy: string,
  request: StrategyRequest,
): Promise<StrategyOutcome<U>> {
  return new Promise((resolve, reject) => {
    const middleware = passport.authenticate(
      strategy,
      { session: false },
      (error: unknown, user: U | false | undefined, info: unknown) => {
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else if (user) resolve({ ok: true, user });
        else resolve({ ok: false, info });
      },
    ) as (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
    middleware(request, {}, (error?: unknown) =>
      reject(error instanceof Error ? error : new Error('authentication did not complete')),
    );
  });
}
