import { isAdmin, type Principal } from '../../../domain/access/principal.js';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../access.errors.js';
import type { AuthenticationService } from '../login/authentication.service.js';
import type { OpenSession, SessionStore } from './session-store.js';

export const USER_SESSIONS = Symbol('UserSessions');

export interface ListedSession extends OpenSession {
  /** The session the asking token belongs to. */
  readonly current: boolean;
}

/**
 * A user's open login sessions, listed and revoked by the user themself or by an admin. Revoking ends the session
 * like a logout: its refresh tokens at once, its access tokens on their next request on every node (the allow-list).
 * Another user's sessions are "not found" to a non-admin, like their other objects.
 */
export class UserSessions {
  constructor(
    private readonly sessions: SessionStore,
    private readonly authentication: Pick<AuthenticationService, 'endSession'>,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, userId: string, currentSessionId?: string): Promise<ListedSession[]> {
    this.authorize(principal, userId);
    const open = await this.sessions.listOpen(userId, this.now());
    return open.map((session) => ({ ...session, current: session.sessionId === currentSessionId }));
  }

  async revoke(principal: Principal, userId: string, sessionId: string): Promise<void> {
    this.authorize(principal, userId);
    const open = await this.sessions.findOpen(sessionId, this.now());
    if (open?.userId !== userId) throw new ObjectNotVisibleError('session', sessionId);
    await this.authentication.endSession(userId, sessionId, 'revoked');
  }

  /** Every open session of the user, the asking one too; answers how many ended. */
  async revokeAll(principal: Principal, userId: string): Promise<number> {
    this.authorize(principal, userId);
    const open = await this.sessions.listOpen(userId, this.now());
    for (const session of open) await this.authentication.endSession(userId, session.sessionId, 'revoked');
    return open.length;
  }

  private authorize(principal: Principal, userId: string): void {
    if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
    if (principal.kind === 'client') throw new AdminRequiredError("a user's login sessions");
    if (!isAdmin(principal) && principal.userId !== userId) throw new ObjectNotVisibleError('user', userId);
  }
}
