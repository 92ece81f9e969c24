import { createHash, createSecretKey, timingSafeEqual } from 'node:crypto';
import { UnauthorizedException } from '@nestjs/common';
import passportModule from 'passport';
import { ExtractJwt, Strategy as JwtStrategy, type VerifiedCallback } from 'passport-jwt';
import type { AccessState } from '../../../application/access/access-state/access-state.js';
import type { OpenSession } from '../../../application/access/sessions/session-store.js';
import { ROLE_SCOPES, type OpenAdrScope } from '../../../domain/access/client-role.js';
import { BOOTSTRAP_ADMIN, type Principal } from '../../../domain/access/principal.js';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '../../../infrastructure/auth/jwt-access-tokens.js';
import { runStrategy } from './passport-runner.js';
import { VerifiedTokenCache, type VerifiedClaims } from './verified-token-cache.js';

export interface ResolvedCredentials {
  readonly principal: Principal;
  /** The session a user token belongs to; logout ends it. */
  readonly sessionId?: string;
}

const JWT = 'wattlog-jwt';
const CLOCK_TOLERANCE_S = 5;
const MAX_AGE_S = 24 * 3600;
// ~0.5 KiB each: a few MiB for as many distinct live tokens as a busy node sees in 15 minutes.
const VERIFIED_TOKENS_KEPT = 10_000;
const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

/** Where open sessions are kept for every node (the session store), for a session this node has not heard of yet. */
export interface OpenSessionLookup {
  findOpen(sessionId: string): Promise<OpenSession | undefined>;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function describe(info: unknown): string {
  const name = info instanceof Error ? info.name : '';
  if (name === 'TokenExpiredError') return 'the access token has expired; refresh it or log in again';
  return 'the access token is invalid';
}

/**
 * Turns `Authorization: Bearer …` into a principal: the bootstrap admin token, or an HS256 access token checked by
 * passport-jwt (algorithm pinned, audience, issuer, expiry) and then against the in-memory access state, so a
 * disabled user, an ended session or a revoked client is refused on the very next request without a database trip.
 */
export class RequestAuthenticator {
  private readonly adminDigest: Buffer;
  private readonly passport: passportModule.Authenticator;
  private readonly verified = new VerifiedTokenCache({
    capacity: VERIFIED_TOKENS_KEPT,
    clockToleranceS: CLOCK_TOLERANCE_S,
    maxAgeS: MAX_AGE_S,
  });

  constructor(
    adminToken: string,
    jwtKey: Buffer,
    private readonly accessState: AccessState,
    private readonly sessions?: OpenSessionLookup,
  ) {
    this.adminDigest = digest(adminToken);
    // A private instance: the process-wide passport would let two apps in one process overwrite each other's keys.
    this.passport = new passportModule.Passport();
    this.passport.use(
      JWT,
      new JwtStrategy(
        {
          jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
          // A KeyObject made once: given a Buffer, jsonwebtoken rebuilds a key per call and verification costs ~1 ms
          // instead of ~15 µs. The typings only know strings and Buffers; jsonwebtoken accepts KeyObjects.
          secretOrKey: createSecretKey(jwtKey) as unknown as Buffer,
          algorithms: [JWT_ALGORITHM],
          audience: JWT_AUDIENCE,
          issuer: JWT_ISSUER,
          jsonWebTokenOptions: { maxAge: `${MAX_AGE_S}s`, clockTolerance: CLOCK_TOLERANCE_S },
        },
        (payload: VerifiedClaims, done: VerifiedCallback) => done(null, { claims: payload }),
      ),
    );
  }

  async resolve(authorization: string | undefined): Promise<ResolvedCredentials> {
    const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (authorization === undefined || token === undefined)
      throw new UnauthorizedException('authentication required: send Authorization: Bearer <token>');
    if (token.split('.').length !== 3) {
      // Not a JWT: only the bootstrap admin token remains; digests make the comparison independent of length.
      if (timingSafeEqual(digest(token), this.adminDigest)) return { principal: BOOTSTRAP_ADMIN };
      throw new UnauthorizedException('the bearer token is not valid');
    }
    const claims = this.verified.get(token) ?? (await this.verify(token, authorization));
    await this.learnUnknownSession(claims);
    // Asked on every request, cached token or not: a logout, disable or revoke counts from the next request on.
    const resolved = resolveClaims(claims, this.accessState);
    if (resolved) return resolved;
    throw new UnauthorizedException('the access token is no longer valid: session ended or account no longer active');
  }

  /**
   * Sessions are an allow-list, and a login on another node reaches this node's log follower a moment after its
   * tokens may: a session this node never heard of is looked up once in the shared session store.
   */
  private async learnUnknownSession(claims: VerifiedClaims): Promise<void> {
    if (this.sessions === undefined || claims.typ !== 'user') return;
    const { sub, sid } = claims;
    if (typeof sub !== 'string' || typeof sid !== 'string') return;
    if (this.accessState.sessionStatus(sub, sid) !== 'unknown') return;
    const open = await this.sessions.findOpen(sid);
    if (open?.userId === sub) this.accessState.learnSession(sub, sid, open.createdAt);
  }

  private async verify(token: string, authorization: string): Promise<VerifiedClaims> {
    const outcome = await runStrategy<{ claims: VerifiedClaims }>(this.passport, JWT, {
      headers: { authorization },
      query: {},
      ip: '',
    });
    if (outcome.ok) {
      this.verified.remember(token, outcome.user.claims);
      return outcome.user.claims;
    }
    throw new UnauthorizedException(
      outcome.info instanceof Error ? describe(outcome.info) : 'the access token is invalid',
    );
  }
}

function resolveClaims(payload: VerifiedClaims, accessState: AccessState): ResolvedCredentials | undefined {
  if (typeof payload.sub !== 'string') return undefined;
  if (payload.typ === 'user' && typeof payload.sid === 'string') {
    const principal = accessState.userPrincipal(payload.sub, payload.sid);
    return principal ? { principal, sessionId: payload.sid } : undefined;
  }
  if (payload.typ === 'client') {
    const principal = accessState.clientPrincipal(payload.sub);
    if (principal?.kind !== 'client') return undefined;
    // The role's scopes now, not only the token's: a token never carries more than the role holds.
    const held = ROLE_SCOPES[principal.clientRole ?? 'api'] as readonly string[];
    const scopes = (typeof payload.scope === 'string' ? payload.scope.split(' ') : []).filter((s) =>
      held.includes(s),
    ) as OpenAdrScope[];
    return { principal: { ...principal, scopes } };
  }
  return undefined;
}
