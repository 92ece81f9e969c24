import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import type { AuthenticatedRequest } from '../access/current-principal.js';
import { problemOf } from '../problems/problem.filter.js';
import { PROBLEM_MEDIA_TYPE, PROBLEM_TYPES, ProblemError } from '../problems/problem.js';
import type { TokenBucketStore } from '../../../application/ports/shared-limits.port.js';
import { InProcessBucketStore, type BucketPolicy, type BucketState } from './token-buckets.js';

/** Per authenticated principal, and per client address for everything else. */
export interface RateLimitSettings {
  readonly principal: BucketPolicy;
  readonly anonymous: BucketPolicy;
}

const CHARGED = Symbol('rateLimitCharged');
type Charged = FastifyRequest & { [CHARGED]?: true };

function headersOf(policy: BucketPolicy, state: BucketState): Record<string, string> {
  return {
    'ratelimit-limit': String(policy.burst),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(state.resetSeconds),
    ...(state.allowed ? {} : { 'retry-after': String(state.retryAfterSeconds) }),
  };
}

function refusal(policy: BucketPolicy, state: BucketState, who: string): ProblemError {
  return new ProblemError(
    429,
    `rate limit of ${policy.burst} requests at once, ${policy.ratePerSecond} per second sustained, exceeded for this ${who}; retry after ${state.retryAfterSeconds} s`,
    PROBLEM_TYPES.rateLimited,
    headersOf(policy, state),
  );
}

/** Spends the request's share of a limit once its principal is known; the authentication guard calls it. */
export interface PrincipalAdmission {
  admit(request: AuthenticatedRequest, reply: FastifyReply): Promise<void>;
}

export const PRINCIPAL_ADMISSION = Symbol('PrincipalAdmission');

/** Without rate limits (tests and servers configured with `WATTLOG_RATE_LIMIT=off`). */
export const ADMIT_EVERY_REQUEST: PrincipalAdmission = { admit: () => Promise.resolve() };

/** Where the buckets are kept: in this process, or in a store every node shares (Postgres). */
export interface RateLimitStores {
  readonly principals: TokenBucketStore;
  readonly addresses: TokenBucketStore;
}

/** Buckets of this process only: one node. */
export function inProcessRateLimitStores(
  settings: RateLimitSettings,
  now: () => number = () => performance.now(),
): RateLimitStores {
  return {
    principals: new InProcessBucketStore(settings.principal, now),
    addresses: new InProcessBucketStore(settings.anonymous, now),
  };
}

function authenticated(principal: Principal | undefined): principal is Exclude<Principal, { kind: 'anonymous' }> {
  return principal !== undefined && principal.kind !== 'anonymous';
}

/**
 * Token-bucket rate limits (OWASP API4). Keys: `actorIdOf(request.principal)` once authentication has run, else
 * `ip:<address>`. Three touch points, because the principal is known only once the authentication guard has run:
 * - `admit`, called by the authentication guard as soon as it has the principal: spends from the principal's
 *   bucket; refuses with 429 when empty;
 * - onSend: a request that was not admitted (anonymous routes, bad token, unknown route, unparsable body) costs
 *   its address a token, so guessing tokens is throttled;
 * - onRequest: an address whose bucket is empty is refused before any work, whatever it sends.
 * Not a Nest interceptor: one global interceptor puts every request through an rxjs pipeline, which cost ~50 µs of
 * the server's ~260 µs of CPU per request on the latest-reading endpoint (bench api).
 * The buckets live in `stores`: this process's memory on one node, Postgres where nodes share the limits
 * (docs/adr/0025-shared-rate-limits.md).
 */
export class RateLimiter implements PrincipalAdmission {
  readonly principals: TokenBucketStore;
  readonly addresses: TokenBucketStore;

  constructor(
    readonly settings: RateLimitSettings,
    stores: RateLimitStores = inProcessRateLimitStores(settings),
  ) {
    this.principals = stores.principals;
    this.addresses = stores.addresses;
  }

  install(app: NestFastifyApplication): void {
    const fastify = app.getHttpAdapter().getInstance();
    fastify.addHook('onRequest', async (request, reply) => {
      if (await this.addresses.hasToken(`ip:${request.ip}`)) return;
      const state = await this.addresses.take(`ip:${request.ip}`);
      (request as Charged)[CHARGED] = true;
      const { problem, headers } = problemOf(refusal(this.settings.anonymous, state, 'client address'), request);
      return reply.code(429).headers(headers).header('content-type', PROBLEM_MEDIA_TYPE).send(JSON.stringify(problem));
    });
    fastify.addHook('onSend', async (request, reply, payload) => {
      if ((request as Charged)[CHARGED] !== true) {
        const state = await this.addresses.charge(`ip:${request.ip}`);
        void reply.headers(headersOf(this.settings.anonymous, { ...state, allowed: true }));
      }
      return payload;
    });
  }

  /** Spends one token for the request's principal (or address); throws the 429 problem when there is none. */
  async admit(request: AuthenticatedRequest, reply: FastifyReply): Promise<void> {
    (request as Charged)[CHARGED] = true;
    const principal = request.principal;
    const [buckets, key, who] = authenticated(principal)
      ? [this.principals, actorIdOf(principal), 'principal']
      : [this.addresses, `ip:${request.ip}`, 'client address'];
    const state = await buckets.take(key);
    if (!state.allowed) throw refusal(buckets.policy, state, who);
    // On the raw response, so that hijacked answers (Server-Sent Events) carry them too.
    for (const [name, value] of Object.entries(headersOf(buckets.policy, state))) reply.raw.setHeader(name, value);
  }
}
