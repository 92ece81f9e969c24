import { randomUUID } from 'node:crypto';
import { InvalidAccessInputError } from '../../../domain/access/access.errors.js';
import { normaliseEmail } from '../../../domain/access/email.js';
import { isUserEvent, type SessionEndReason } from '../../../domain/access/user.events.js';
import type { EventStore } from '../../ports/event-store.port.js';
import type { AccessState } from '../access-state/access-state.js';
import { userDecider } from '../../../domain/access/user.decider.js';
import { loadStream } from '../../shared/decider-command.js';
import { USER_EVENTS, userIdByEmail, userStream } from '../access-streams.js';
import { InvalidCredentialsError, InvalidRefreshTokenError, LoginThrottledError } from '../authentication.errors.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { PasswordHasher, PasswordPolicy } from '../ports/password-hasher.port.js';
import type { AccessTokenSigner } from '../ports/token-signer.port.js';
import { newRefreshToken, type SessionStore } from '../sessions/session-store.js';
import { updateUser } from '../user-updates.js';
import type { LoginAttempts } from './login-throttle.js';

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** Security-relevant outcomes, for the log. Never carries a password, token or email address. */
export type AuthenticationNotice =
  | { readonly kind: 'login_succeeded'; readonly userId: string; readonly sessionId: string; readonly ip: string }
  | { readonly kind: 'login_failed'; readonly userId: string | null; readonly ip: string }
  | { readonly kind: 'login_throttled'; readonly ip: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'refresh_token_reused'; readonly userId: string; readonly sessionId: string };

export interface AuthenticationDeps {
  readonly store: EventStore;
  readonly credentials: CredentialStore;
  readonly sessions: SessionStore;
  readonly hasher: PasswordHasher;
  readonly policy: PasswordPolicy;
  readonly signer: AccessTokenSigner;
  readonly accessState: AccessState;
  readonly throttle: LoginAttempts;
  readonly now: () => Date;
  /** Absolute session lifetime: refresh tokens stop working this long after the login, however often rotated. */
  readonly sessionTtlMs: number;
  readonly notify?: (notice: AuthenticationNotice) => void;
}

export const AUTHENTICATION_SERVICE = Symbol('AuthenticationService');

/** Password login, refresh-token rotation with reuse detection, and ending sessions. */
export class AuthenticationService {
  constructor(private readonly deps: AuthenticationDeps) {}

  async login(rawEmail: string, password: string, ip: string): Promise<TokenPair> {
    const { deps } = this;
    const email = normaliseEmail(rawEmail);
    const wait = await deps.throttle.waitMs(email, ip, deps.now().getTime());
    if (wait > 0) {
      deps.notify?.({ kind: 'login_throttled', ip, retryAfterSeconds: Math.ceil(wait / 1000) });
      throw new LoginThrottledError(Math.ceil(wait / 1000));
    }

    const userId = await userIdByEmail(deps.store, email);
    // The credential query runs for unknown addresses too, so both paths cost the same round trips.
    const encoded = await deps.credentials.passwordHashOf(userId ?? '');
    let valid = false;
    if (userId !== undefined && encoded !== undefined) valid = await deps.hasher.verify(password, encoded);
    else await deps.hasher.spendDummyVerification(password);
    const user =
      valid && userId !== undefined
        ? (await loadStream(deps.store, userStream(userId), userDecider, USER_EVENTS)).state
        : undefined;
    if (!user || user.status !== 'active') {
      await deps.throttle.recordFailure(email, ip, deps.now().getTime());
      deps.notify?.({ kind: 'login_failed', userId: userId ?? null, ip });
      throw new InvalidCredentialsError();
    }
    await deps.throttle.recordSuccess(email, ip);
    await this.learnUser(user.userId);

    const now = deps.now();
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();
    // The session row first: if the event append fails, the tokens are never handed out and the row is inert.
    await deps.sessions.create(sessionId, user.userId, refreshToken, now, new Date(now.getTime() + deps.sessionTtlMs));
    await updateUser(
      deps.store,
      deps.accessState,
      user.userId,
      () => ({ type: 'StartSession', data: { userId: user.userId, sessionId, at: now.toISOString() } }),
      {
        actorId: `user:${user.userId}`,
        correlationId: sessionId,
      },
    );
    deps.notify?.({ kind: 'login_succeeded', userId: user.userId, sessionId, ip });
    return this.pair(user.userId, sessionId, refreshToken, now);
  }

  async refresh(presented: string): Promise<TokenPair> {
    const { deps } = this;
    const now = deps.now();
    const next = newRefreshToken();
    const outcome = await deps.sessions.rotate(presented, next, now);
    switch (outcome.kind) {
      case 'unknown':
      case 'ended':
        throw new InvalidRefreshTokenError();
      case 'reused':
        deps.notify?.({ kind: 'refresh_token_reused', userId: outcome.userId, sessionId: outcome.sessionId });
        await this.endSession(outcome.userId, outcome.sessionId, 'refresh_token_reuse');
        throw new InvalidRefreshTokenError();
      case 'rotated': {
        const { state } = await loadStream(deps.store, userStream(outcome.userId), userDecider, USER_EVENTS);
        if (state.status !== 'active') {
          await deps.sessions.end(outcome.sessionId, 'user disabled', now);
          throw new InvalidRefreshTokenError();
        }
        return this.pair(outcome.userId, outcome.sessionId, next, now);
      }
    }
  }

  /**
   * Needs the current password (throttled like a login); the new one must pass the policy. Every other session of
   * the user ends, the one asking stays.
   */
  async changePassword(userId: string, sessionId: string, current: string, next: string, ip: string): Promise<void> {
    const { deps } = this;
    const throttleKey = `user:${userId}`;
    const wait = await deps.throttle.waitMs(throttleKey, ip, deps.now().getTime());
    if (wait > 0) throw new LoginThrottledError(Math.ceil(wait / 1000));
    const encoded = await deps.credentials.passwordHashOf(userId);
    if (encoded === undefined || !(await deps.hasher.verify(current, encoded))) {
      await deps.throttle.recordFailure(throttleKey, ip, deps.now().getTime());
      throw new InvalidCredentialsError();
    }
    const problems = deps.policy.problems(next);
    if (problems.length > 0) throw new InvalidAccessInputError(problems);
    const now = deps.now();
    await deps.credentials.putPasswordHash(userId, await deps.hasher.hash(next));
    await updateUser(
      deps.store,
      deps.accessState,
      userId,
      () => ({ type: 'ChangePassword', data: { userId, at: now.toISOString() } }),
      {
        actorId: `user:${userId}`,
        correlationId: sessionId,
      },
    );
    for (const other of await deps.sessions.endOthersOfUser(userId, sessionId, 'password changed', now)) {
      await this.endSession(userId, other, 'password_changed');
    }
  }

  /** Ends the session everywhere: its refresh tokens at once, its access tokens on the next request. */
  async endSession(userId: string, sessionId: string, reason: SessionEndReason): Promise<void> {
    const now = this.deps.now();
    await this.deps.sessions.end(sessionId, reason, now);
    // Applied locally first so this node refuses the session even if the append below fails.
    this.deps.accessState.apply([
      { type: 'UserSessionEnded', data: { userId, sessionId, reason, at: now.toISOString() } },
    ]);
    await updateUser(
      this.deps.store,
      this.deps.accessState,
      userId,
      () => ({ type: 'EndSession', data: { userId, sessionId, reason, at: now.toISOString() } }),
      {
        actorId: `user:${userId}`,
        correlationId: sessionId,
      },
    );
  }

  private pair(userId: string, sessionId: string, refreshToken: string, now: Date): TokenPair {
    const access = this.deps.signer.sign({ kind: 'user', userId, sessionId }, now);
    return { accessToken: access.token, refreshToken, tokenType: 'Bearer', expiresIn: access.expiresIn };
  }

  /** A user registered on another node may not have reached this node's access state yet; the stream is the truth. */
  private async learnUser(userId: string): Promise<void> {
    const recorded = await this.deps.store.readStream(userStream(userId));
    this.deps.accessState.apply(recorded.filter(isUserEvent));
  }
}
