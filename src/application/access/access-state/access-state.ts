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
}

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
 * What every request's token check needs, in memory: users' roles and disabled flags, ended sessions, API clients.
 * Fed from the log (catch-up, then live) so every node converges; the node that makes a change also applies its
 * events at once through `apply`, so its own next request already sees it.
 */
export class AccessState {
  private readonly users = new Map<string, UserFacts>();
  private readonly clients = new Map<string, ClientFacts>();
  /** Session id → when its tokens stop mattering (end + token lifetime). */
  private readonly endedSessions = new Map<string, number>();
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

  /** The principal for a user token, or undefined when the user is unknown, disabled, or the session ended. */
  userPrincipal(userId: string, sessionId: string): Principal | undefined {
    const user = this.users.get(userId);
    if (!user || user.disabled || this.endedSessions.has(sessionId)) return undefined;
    return { kind: 'user', userId, role: user.role };
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
        case 'UserSessionStarted':
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

  private endSession(sessionId: string, endedAt: number): void {
    const now = this.options.now();
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
