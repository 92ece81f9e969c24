import { API_CLIENT_EVENT_TYPES, isApiClientEvent } from '../../../domain/access/api-client.events.js';
import type { ClientRole } from '../../../domain/access/client-role.js';
import type { Principal, Role } from '../../../domain/access/principal.js';
import { USER_EVENT_TYPES, isUserEvent } from '../../../domain/access/user.events.js';
import type { AllFilter, EventStore, Position, RecordedEvent, Subscription } from '../../ports/event-store.port.js';
import { CLIENT_STREAM_PREFIX, USER_STREAM_PREFIX } from '../access-streams.js';

const FILTER: AllFilter = {
  streamPrefixes: [USER_STREAM_PREFIX, CLIENT_STREAM_PREFIX],
  types: [...USER_EVENT_TYPES, ...API_CLIENT_EVENT_TYPES],
};

export interface AccessStateOptions {
  /** How long an access token can live: an ended session is remembered that long past its end, then forgotten. */
  readonly accessTokenTtlMs: number;
  readonly now: () => number;
  readonly onError?: (error: unknown, context: string) => void;
  readonly retryMs?: number;
  /** How long a session lives at most: its access tokens stop mattering this long (plus a token's) after its start. */
  readonly sessionTtlMs?: number;
}

/** What a token's session id is, as far as this node knows. */
export type SessionStatus = 'live' | 'ended' | 'unknown';

interface UserFacts {
  role: Role;
  disabled: boolean;
}

interface ClientFacts {
  organisation: string;
  role: ClientRole;
  providerId: string | undefined;
  secretFingerprint: string;
  revoked: boolean;
}

/**
 * What every request's token check needs, in memory: users' roles and disabled flags, live and ended sessions (an
 * allow-list: a token counts only for a live session of its user), API clients.
 * Fed from the log (catch-up, then live) so every node converges; the node that makes a change also applies its
 * events at once through `apply`, so its own next request already sees it.
 */
export class AccessState {
  private readonly users = new Map<string, UserFacts>();
  private readonly clients = new Map<string, ClientFacts>();
  /** Session id → when its tokens stop mattering (end + token lifetime). */
  private readonly endedSessions = new Map<string, number>();
  /**
   * The allow-list: session id → its user and when its tokens stop mattering (start + session + token lifetime).
   * A token is honoured only when its session id is here and names the token's user.
   */
  private readonly liveSessions = new Map<string, { readonly userId: string; readonly until: number }>();
  private readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private running: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private stopped = false;
  private wakeRetry: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly options: AccessStateOptions,
  ) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
  }

  start(): void {
    this.running ??= this.run();
  }

  ready(): Promise<void> {
    return this.caughtUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeRetry?.();
    await this.subscription?.close();
    await this.running;
  }

  /**
   * The principal for a user token, or undefined when the user is unknown or disabled, or the session is not a live
   * session of that user (ended, another user's, or never started as far as this node knows).
   */
  userPrincipal(userId: string, sessionId: string): Principal | undefined {
    const user = this.users.get(userId);
    if (!user || user.disabled || this.sessionStatus(userId, sessionId) !== 'live') return undefined;
    return { kind: 'user', userId, role: user.role };
  }

  /**
   * `unknown`: not started as far as this node's log follower got; the caller may ask the shared session store (a
   * login on another node reaches this one a moment later) and then `learnSession`.
   */
  sessionStatus(userId: string, sessionId: string): SessionStatus {
    if (this.endedSessions.has(sessionId)) return 'ended';
    const live = this.liveSessions.get(sessionId);
    if (live === undefined) return 'unknown';
    if (live.userId !== userId || live.until < this.options.now()) return 'ended';
    return 'live';
  }

  /** A session the shared session store says is open: allowed until an end event or its lifetime says otherwise. */
  learnSession(userId: string, sessionId: string, startedAt: Date): void {
    this.startSession(userId, sessionId, startedAt.getTime());
  }

  clientPrincipal(clientId: string): Principal | undefined {
    const client = this.clients.get(clientId);
    if (!client || client.revoked) return undefined;
    return {
      kind: 'client',
      clientId,
      organisation: client.organisation,
      clientRole: client.role,
      ...(client.providerId !== undefined ? { providerId: client.providerId } : {}),
    };
  }

  /** The current secret fingerprint of an active client. */
  activeClientFingerprint(clientId: string): string | undefined {
    const client = this.clients.get(clientId);
    return client && !client.revoked ? client.secretFingerprint : undefined;
  }

  hasUsers(): boolean {
    return this.users.size > 0;
  }

  /** Applies events just appended by this node (and replays of them from the log are harmless). */
  apply(events: readonly { type: string; data: unknown }[]): void {
    for (const event of events) this.applyOne(event);
  }

  private applyOne(event: { type: string; data: unknown }): void {
    if (isUserEvent(event)) {
      switch (event.type) {
        case 'UserRegistered':
          if (!this.users.has(event.data.userId))
            this.users.set(event.data.userId, { role: event.data.role, disabled: false });
          return;
        case 'UserRoleChanged': {
          const user = this.users.get(event.data.userId);
          if (user) user.role = event.data.role;
          return;
        }
        case 'UserDisabled': {
          const user = this.users.get(event.data.userId);
          if (user) user.disabled = true;
          return;
        }
        case 'UserPasswordChanged':
          return;
        case 'UserSessionStarted':
          this.startSession(event.data.userId, event.data.sessionId, Date.parse(event.data.at));
          return;
        case 'UserSessionEnded':
          this.endSession(event.data.sessionId, Date.parse(event.data.at));
          return;
      }
    }
    if (isApiClientEvent(event)) {
      switch (event.type) {
        case 'ApiClientRegistered':
          if (!this.clients.has(event.data.clientId)) {
            this.clients.set(event.data.clientId, {
              organisation: event.data.organisation,
              role: event.data.role ?? 'api',
              providerId: event.data.providerId,
              secretFingerprint: event.data.secretFingerprint,
              revoked: false,
            });
          }
          return;
        case 'ApiClientSecretRotated': {
          const client = this.clients.get(event.data.clientId);
          if (client) client.secretFingerprint = event.data.secretFingerprint;
          return;
        }
        case 'ApiClientRevoked': {
          const client = this.clients.get(event.data.clientId);
          if (client) client.revoked = true;
          return;
        }
      }
    }
  }

  private startSession(userId: string, sessionId: string, startedAt: number): void {
    // An end applied before its start arrived (this node ended it, then its follower delivered the start) stays an end.
    if (this.endedSessions.has(sessionId)) return;
    const now = this.options.now();
    const from = Number.isFinite(startedAt) ? startedAt : now;
    const until = from + (this.options.sessionTtlMs ?? Infinity) + this.options.accessTokenTtlMs;
    this.liveSessions.set(sessionId, { userId, until });
    // Amortised pruning: a session past its lifetime cannot have a token still accepted.
    if (this.liveSessions.size % 256 === 0) {
      for (const [id, session] of this.liveSessions) if (session.until < now) this.liveSessions.delete(id);
    }
  }

  private endSession(sessionId: string, endedAt: number): void {
    const now = this.options.now();
    this.liveSessions.delete(sessionId);
    const forgetAt = (Number.isFinite(endedAt) ? Math.max(endedAt, now) : now) + this.options.accessTokenTtlMs;
    this.endedSessions.set(sessionId, forgetAt);
    // Amortised pruning: tokens of a session ended longer ago than a token lives have all expired anyway.
    if (this.endedSessions.size % 256 === 0) {
      for (const [id, until] of this.endedSessions) if (until < now) this.endedSessions.delete(id);
    }
  }

  private async run(): Promise<void> {
    let after: Position | null = null;
    let caughtUp = false;
    while (!this.stopped) {
      try {
        if (!caughtUp) {
          for (;;) {
            const page: RecordedEvent[] = await this.store.readAll({ after, max: 1000, filter: FILTER });
            for (const event of page) {
              this.applyOne(event);
              after = event.position;
            }
            if (page.length < 1000 || this.stopped) break;
          }
          caughtUp = true;
          this.markCaughtUp();
        }
        const subscription = this.store.subscribe({ after, filter: FILTER });
        this.subscription = subscription;
        if (this.stopped) await subscription.close();
        for await (const event of subscription) {
          this.applyOne(event);
          after = event.position;
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error, 'access state: reading user and client events failed; retrying');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.retryMs ?? 1000);
          this.wakeRetry = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
