import { randomUUID } from 'node:crypto';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import type { UserEvent } from '../../../domain/access/user.events.js';
import { AccessState } from './access-state.js';

const AT = '2024-05-01T10:00:00.000Z';
const stored = (event: UserEvent | { type: string; data: unknown }) => ({ id: randomUUID(), ...event });
const eventually = async (check: () => boolean): Promise<boolean> => {
  const deadline = Date.now() + 5000;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('AccessState', () => {
  let b: SqlBackend;
  beforeAll(async () => {
    b = await openBackend('pglite', 'access-state');
  }, 30_000);
  afterAll(() => b.cleanup());

  it('catches up from the log before ready(), then follows it live', async () => {
    await b.store.append(
      'user-u1',
      [
        stored({
          type: 'UserRegistered',
          data: { userId: 'u1', email: 'a@example.org', displayName: 'A', role: 'user', at: AT },
        }),
        stored({ type: 'UserSessionStarted', data: { userId: 'u1', sessionId: 'live', at: new Date().toISOString() } }),
        stored({ type: 'UserSessionStarted', data: { userId: 'u1', sessionId: 'old', at: AT } }),
        stored({
          type: 'UserSessionEnded',
          data: { userId: 'u1', sessionId: 'old', reason: 'logout', at: new Date().toISOString() },
        }),
      ],
      { expectedRevision: 'no_stream' },
    );
    const state = new AccessState(b.store, { accessTokenTtlMs: 900_000, now: Date.now });
    state.start();
    await state.ready();
    expect(state.userPrincipal('u1', 'live')).toEqual({ kind: 'user', userId: 'u1', role: 'user' });
    expect(state.userPrincipal('u1', 'old')).toBeUndefined();
    expect(state.userPrincipal('nobody', 'live')).toBeUndefined();
    // An allow-list: a session never started, or another user's, is no session of this user.
    expect(state.sessionStatus('u1', 'never-started')).toBe('unknown');
    expect(state.userPrincipal('u1', 'never-started')).toBeUndefined();

    await b.store.append(
      'user-u1',
      [stored({ type: 'UserRoleChanged', data: { userId: 'u1', role: 'admin', previousRole: 'user', at: AT } })],
      { expectedRevision: 3 },
    );
    expect(
      await eventually(
        () =>
          state.userPrincipal('u1', 'live')?.kind === 'user' &&
          (state.userPrincipal('u1', 'live') as { role: string }).role === 'admin',
      ),
    ).toBe(true);
    await b.store.append(
      'client-c1',
      [
        stored({
          type: 'ApiClientRegistered',
          data: { clientId: 'c1', organisation: 'Grid Co', name: 'n', secretFingerprint: 'f1', at: AT },
        }),
      ],
      {
        expectedRevision: 'no_stream',
      },
    );
    expect(await eventually(() => state.clientPrincipal('c1') !== undefined)).toBe(true);
    state.apply([{ type: 'ApiClientRevoked', data: { clientId: 'c1', reason: 'r', at: AT } }]);
    expect(state.clientPrincipal('c1')).toBeUndefined();
    expect(state.activeClientFingerprint('c1')).toBeUndefined();
    // A late replay of the registration does not bring a revoked client back.
    state.apply([
      {
        type: 'ApiClientRegistered',
        data: { clientId: 'c1', organisation: 'Grid Co', name: 'n', secretFingerprint: 'f1', at: AT },
      },
    ]);
    expect(state.clientPrincipal('c1')).toBeUndefined();
    await state.stop();
  }, 30_000);

  it('forgets ended sessions once their tokens must have expired', () => {
    let now = Date.parse(AT);
    const state = new AccessState(b.store, { accessTokenTtlMs: 900_000, now: () => now });
    state.apply([
      {
        type: 'UserRegistered',
        data: { userId: 'u2', email: 'b@example.org', displayName: 'B', role: 'user', at: AT },
      },
    ]);
    state.apply([{ type: 'UserSessionEnded', data: { userId: 'u2', sessionId: 's-old', reason: 'logout', at: AT } }]);
    expect(state.userPrincipal('u2', 's-old')).toBeUndefined();
    now += 900_001;
    for (let i = 0; i < 300; i++)
      state.apply([
        {
          type: 'UserSessionEnded',
          data: { userId: 'u2', sessionId: `s${i}`, reason: 'logout', at: new Date(now).toISOString() },
        },
      ]);
    const remembered = (state as unknown as { endedSessions: Map<string, number> }).endedSessions;
    expect(remembered.has('s-old')).toBe(false);
    expect(remembered.has('s299')).toBe(true);
  });

  it('keeps an ended session ended when its start arrives late, and ends a session past its lifetime', () => {
    let now = Date.parse(AT);
    const state = new AccessState(b.store, { accessTokenTtlMs: 900_000, sessionTtlMs: 3_600_000, now: () => now });
    state.apply([
      {
        type: 'UserRegistered',
        data: { userId: 'u3', email: 'c@example.org', displayName: 'C', role: 'user', at: AT },
      },
      { type: 'UserSessionEnded', data: { userId: 'u3', sessionId: 's-a', reason: 'revoked', at: AT } },
      { type: 'UserSessionStarted', data: { userId: 'u3', sessionId: 's-a', at: AT } },
      { type: 'UserSessionStarted', data: { userId: 'u3', sessionId: 's-b', at: AT } },
    ]);
    expect(state.sessionStatus('u3', 's-a')).toBe('ended');
    expect(state.userPrincipal('u3', 's-b')).toEqual({ kind: 'user', userId: 'u3', role: 'user' });
    expect(state.sessionStatus('someone-else', 's-b')).toBe('ended');
    now += 3_600_000 + 900_001;
    expect(state.userPrincipal('u3', 's-b')).toBeUndefined();
  });
});
