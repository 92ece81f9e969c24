import { randomUUID } from 'node:crypto';
import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { clientStream, userStream } from '../access-streams.js';
import { EventLogPrincipalDirectory } from './event-log-principal-directory.js';

const AT = '2026-01-01T00:00:00.000Z';
const event = (type: string, data: Record<string, unknown>) => ({
  id: randomUUID(),
  type,
  data: { ...data, at: AT },
  metadata: {},
});

describeEachBackend('principal directory over the event log on %s', (backendName) => {
  let b: SqlBackend;
  beforeAll(async () => {
    b = await openBackend(backendName, 'principal-dir');
    const user = (userId: string) =>
      event('UserRegistered', { userId, email: `${userId}@example.org`, displayName: userId, role: 'user' });
    const client = (clientId: string) =>
      event('ApiClientRegistered', { clientId, organisation: 'Energy Co', name: 'c', secretFingerprint: 'f' });
    await b.store.append(userStream('alice'), [user('alice')], { expectedRevision: 'no_stream' });
    await b.store.append(
      userStream('gone'),
      [user('gone'), event('UserDisabled', { userId: 'gone', reason: 'left' })],
      { expectedRevision: 'no_stream' },
    );
    await b.store.append(clientStream('c-1'), [client('c-1')], { expectedRevision: 'no_stream' });
    await b.store.append(
      clientStream('c-old'),
      [client('c-old'), event('ApiClientRevoked', { clientId: 'c-old', reason: 'ended' })],
      {
        expectedRevision: 'no_stream',
      },
    );
  }, 60_000);
  afterAll(() => b?.cleanup());

  it('knows active users and clients the moment they are stored, and neither disabled nor revoked ones nor the other kind', async () => {
    const directory = new EventLogPrincipalDirectory(b.store);
    expect(await directory.exists({ kind: 'user', id: 'alice' })).toBe(true);
    expect(await directory.exists({ kind: 'user', id: 'gone' })).toBe(false);
    expect(await directory.exists({ kind: 'user', id: 'c-1' })).toBe(false);
    expect(await directory.exists({ kind: 'client', id: 'c-1' })).toBe(true);
    expect(await directory.exists({ kind: 'client', id: 'c-old' })).toBe(false);
    expect(await directory.exists({ kind: 'client', id: 'nobody' })).toBe(false);
  });
});
