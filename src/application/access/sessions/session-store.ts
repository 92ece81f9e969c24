import { createHash, randomBytes } from 'node:crypto';
import type { SqlExecutor, ReadModelDb } from '../../ports/read-model-db.port.js';

export const REFRESH_TOKEN_BYTES = 32;
/** A session whose refresh token goes unused this long has been abandoned: it ends (inactivity timeout). */
export const SESSION_IDLE_MS = 3 * 24 * 3600 * 1000;

export function newRefreshToken(): string {
  return randomBytes(REFRESH_TOKEN_BYTES).toString('base64url');
}

/** Refresh tokens are 256 random bits: a plain SHA-256 is enough to make the stored form useless to a thief. */
function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export type RefreshOutcome =
  | { readonly kind: 'rotated'; readonly sessionId: string; readonly userId: string }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ended'; readonly sessionId: string; readonly userId: string }
  /** An already used token came back: someone holds a copy, so the whole session must end. */
  | { readonly kind: 'reused'; readonly sessionId: string; readonly userId: string };

/** A session that can still refresh: not ended, not past its lifetime, not idle past the timeout. */
export interface OpenSession {
  readonly sessionId: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** When its current refresh token was issued: the login, or the last refresh. */
  readonly lastRefreshedAt: Date;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  created_at: Date | string;
  expires_at: Date | string;
  last_refreshed_at: Date | string;
}

const OPEN_SESSIONS = `
  SELECT s.session_id, s.user_id, s.created_at, s.expires_at, t.last_refreshed_at
    FROM auth_sessions s
    JOIN LATERAL (SELECT max(issued_at) AS last_refreshed_at FROM auth_refresh_tokens WHERE session_id = s.session_id) t
      ON true
   WHERE s.ended_at IS NULL AND s.expires_at > $2 AND t.last_refreshed_at > $3`;

function openSession(row: SessionRow): OpenSession {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    createdAt: new Date(row.created_at),
    expiresAt: new Date(row.expires_at),
    lastRefreshedAt: new Date(row.last_refreshed_at),
  };
}

interface TokenRow {
  session_id: string;
  issued_at: Date | string;
  user_id: string;
  used_at: Date | string | null;
  ended_at: Date | string | null;
  expires_at: Date | string;
}

/** Sessions and their refresh tokens (hashed). Not a projection: nothing here can be rebuilt from the log. */
export class SessionStore {
  constructor(
    private readonly db: ReadModelDb,
    private readonly idleMs: number = SESSION_IDLE_MS,
  ) {}

  async create(sessionId: string, userId: string, refreshToken: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        'INSERT INTO auth_sessions (session_id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
        [sessionId, userId, now, expiresAt],
      );
      await insertToken(tx, refreshToken, sessionId, now);
    });
  }

  /** Uses `presented` up and stores `next` in its place, atomically; a second use of the same token is reported as reuse. */
  rotate(presented: string, next: string, now: Date): Promise<RefreshOutcome> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<TokenRow>(
        `SELECT t.session_id, t.issued_at, s.user_id, t.used_at, s.ended_at, s.expires_at
           FROM auth_refresh_tokens t JOIN auth_sessions s ON s.session_id = t.session_id
          WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [tokenHash(presented)],
      );
      if (!row) return { kind: 'unknown' };
      const session = { sessionId: row.session_id, userId: row.user_id };
      if (row.ended_at !== null || new Date(row.expires_at).getTime() <= now.getTime())
        return { kind: 'ended', ...session };
      if (row.used_at !== null) return { kind: 'reused', ...session };
      if (new Date(row.issued_at).getTime() + this.idleMs <= now.getTime()) {
        await tx.query(`UPDATE auth_sessions SET ended_at = $2, ended_reason = 'idle' WHERE session_id = $1`, [
          row.session_id,
          now,
        ]);
        return { kind: 'ended', ...session };
      }
      await tx.query('UPDATE auth_refresh_tokens SET used_at = $2 WHERE token_hash = $1', [tokenHash(presented), now]);
      await insertToken(tx, next, row.session_id, now);
      return { kind: 'rotated', ...session };
    });
  }

  /** True when it was still open. */
  async end(sessionId: string, reason: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE auth_sessions SET ended_at = $2, ended_reason = $3 WHERE session_id = $1 AND ended_at IS NULL RETURNING session_id',
      [sessionId, now, reason],
    );
    return rows.length > 0;
  }

  async endAllOfUser(userId: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE auth_sessions SET ended_at = $2, ended_reason = $3 WHERE user_id = $1 AND ended_at IS NULL',
      [userId, now, reason],
    );
  }

  /** Open sessions of the user other than `keep`; ended here, returned so their access tokens can be refused too. */
  async endOthersOfUser(userId: string, keep: string, reason: string, now: Date): Promise<string[]> {
    const rows = await this.db.query<{ session_id: string }>(
      'UPDATE auth_sessions SET ended_at = $3, ended_reason = $4 WHERE user_id = $1 AND session_id <> $2 AND ended_at IS NULL RETURNING session_id',
      [userId, keep, now, reason],
    );
    return rows.map((row) => row.session_id);
  }

  /** The user's open sessions, the most recently refreshed first. */
  async listOpen(userId: string, now: Date): Promise<OpenSession[]> {
    const rows = await this.db.query<SessionRow>(
      `${OPEN_SESSIONS} AND s.user_id = $1 ORDER BY t.last_refreshed_at DESC, s.session_id`,
      [userId, now, new Date(now.getTime() - this.idleMs)],
    );
    return rows.map(openSession);
  }

  /** The session if it is open: what a node asks when a token names a session its log follower has not seen yet. */
  async findOpen(sessionId: string, now: Date): Promise<OpenSession | undefined> {
    const [row] = await this.db.query<SessionRow>(`${OPEN_SESSIONS} AND s.session_id = $1`, [
      sessionId,
      now,
      new Date(now.getTime() - this.idleMs),
    ]);
    return row ? openSession(row) : undefined;
  }

  async isOpen(sessionId: string): Promise<boolean> {
    const [row] = await this.db.query<{ open: boolean }>(
      'SELECT ended_at IS NULL AS open FROM auth_sessions WHERE session_id = $1',
      [sessionId],
    );
    return row?.open === true;
  }
}

async function insertToken(tx: SqlExecutor, token: string, sessionId: string, now: Date): Promise<void> {
  await tx.query('INSERT INTO auth_refresh_tokens (token_hash, session_id, issued_at) VALUES ($1, $2, $3)', [
    tokenHash(token),
    sessionId,
    now,
  ]);
}
