import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { newRefreshToken, SessionStore } from './session-store.js';

const T0 = new Date('2024-05-01T10:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const DAY = 24 * 3600 * 1000;

describeEachBackend('SessionStore on %s', (backendName) => {
  let b: SqlBackend;
  let sessions: SessionStore;
  beforeAll(async () => {
    b = await openBackend(backendName, 'sessions');
    if (b) sessions = new SessionStore(b.db, 3 * DAY);
  }, 30_000);
  afterAll(async () => {
    await b?.cleanup();
  });

  it('rotates a token once; the used one comes back as reuse; concurrent uses rotate only one', async () => {
    const first = newRefreshToken();
    await sessions.create('s1', 'u1', first, T0, at(30 * DAY));
    const second = newRefreshToken();
    expect(await sessions.rotate(first, second, at(1000))).toEqual({ kind: 'rotated', sessionId: 's1', userId: 'u1' });
    expect(await sessions.rotate(first, newRefreshToken(), at(2000))).toEqual({
      kind: 'reused',
      sessionId: 's1',
      userId: 'u1',
    });
    const outcomes = await Promise.all([
      sessions.rotate(second, newRefreshToken(), at(3000)),
      sessions.rotate(second, newRefreshToken(), at(3000)),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['reused', 'rotated']);
    expect(await sessions.rotate('never-issued', newRefreshToken(), at(3000))).toEqual({ kind: 'unknown' });
    // Only hashes are stored.
    const stored = JSON.stringify(await b.db.query('SELECT * FROM auth_refresh_tokens'));
    expect(stored).not.toContain(first);
  });

  it('refuses tokens of ended, expired and idle sessions', async () => {
    const ended = newRefreshToken();
    await sessions.create('s2', 'u1', ended, T0, at(30 * DAY));
    expect(await sessions.end('s2', 'logout', at(1000))).toBe(true);
    expect(await sessions.end('s2', 'logout', at(2000))).toBe(false);
    expect((await sessions.rotate(ended, newRefreshToken(), at(3000))).kind).toBe('ended');

    const expiring = newRefreshToken();
    await sessions.create('s3', 'u1', expiring, T0, at(DAY));
    expect((await sessions.rotate(expiring, newRefreshToken(), at(DAY))).kind).toBe('ended');

    const idle = newRefreshToken();
    await sessions.create('s4', 'u2', idle, T0, at(30 * DAY));
    expect((await sessions.rotate(idle, newRefreshToken(), at(3 * DAY + 1))).kind).toBe('ended');
    expect(await sessions.isOpen('s4')).toBe(false);

    const mine = newRefreshToken();
    await sessions.create('s5', 'u3', mine, T0, at(30 * DAY));
    await sessions.endAllOfUser('u3', 'user disabled', at(1000));
    expect((await sessions.rotate(mine, newRefreshToken(), at(2000))).kind).toBe('ended');
  });
});
