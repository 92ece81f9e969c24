import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { EmailTakenError, InvalidAccessInputError } from '../../../domain/access/access.errors.js';
import { BOOTSTRAP_ADMIN, type Principal } from '../../../domain/access/principal.js';
import { CommonPasswordPolicy } from '../../../infrastructure/auth/common-password-policy.js';
import { ScryptPasswordHasher } from '../../../infrastructure/auth/scrypt-password-hasher.js';
import { AdminRequiredError, NotAuthenticatedError } from '../access.errors.js';
import { AccessState } from '../access-state/access-state.js';
import { userIdByEmail } from '../access-streams.js';
import { CredentialStore } from '../credentials/credential-store.js';
import { RegisterUser, type RegisterUserInput } from './register-user.command.js';
import { RegisterUserHandler } from './register-user.handler.js';

const AT = new Date('2024-05-01T10:00:00.000Z');
const META = { actorId: 'user:bootstrap-admin', correlationId: 'corr-1' };
const input = (overrides: Partial<RegisterUserInput> = {}): RegisterUserInput => ({
  email: 'ann@example.org',
  displayName: 'Ann',
  role: 'user',
  password: 'violet tram 42 lanterns',
  ...overrides,
});

describeEachBackend('RegisterUserHandler on %s', (backendName) => {
  let b: SqlBackend;
  let handler: RegisterUserHandler;
  let credentials: CredentialStore;
  beforeAll(async () => {
    b = await openBackend(backendName, 'reguser');
    credentials = new CredentialStore(b.db);
    const state = new AccessState(b.store, { accessTokenTtlMs: 900_000, now: Date.now });
    handler = new RegisterUserHandler(
      b.store,
      credentials,
      new ScryptPasswordHasher(),
      new CommonPasswordPolicy(),
      state,
    );
  }, 30_000);
  afterAll(async () => {
    await b?.cleanup();
  });

  it('lets exactly one of concurrent registrations of an address win, whatever its spelling', async () => {
    const results = await Promise.allSettled(
      ['race@example.org', 'RACE@example.org', ' Race@Example.ORG '].map((email) =>
        handler.execute(new RegisterUser(input({ email }), BOOTSTRAP_ADMIN, AT, META)),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => r.reason as unknown)).toEqual([expect.any(EmailTakenError), expect.any(EmailTakenError)]);
    const winner = (won[0] as PromiseFulfilledResult<{ userId: string }>).value;
    expect(await userIdByEmail(b.store, 'race@example.org')).toBe(winner.userId);
    const [event] = await b.store.readStream(`user-${winner.userId}`);
    expect(event).toMatchObject({
      type: 'UserRegistered',
      data: { email: 'race@example.org' },
      metadata: { actorId: 'user:bootstrap-admin', schemaVersion: 1 },
    });
    expect(await credentials.passwordHashOf(winner.userId)).toMatch(/^\$scrypt\$/);
  }, 60_000);

  it('checks the principal and the input before hashing or storing anything', async () => {
    const user: Principal = { kind: 'user', userId: 'u', role: 'user' };
    await expect(handler.execute(new RegisterUser(input({ email: 'x1@example.org' }), user, AT, META))).rejects.toThrow(
      AdminRequiredError,
    );
    await expect(
      handler.execute(new RegisterUser(input({ email: 'x1@example.org' }), { kind: 'anonymous' }, AT, META)),
    ).rejects.toThrow(NotAuthenticatedError);
    await expect(
      handler.execute(new RegisterUser(input({ email: 'bad', password: 'short' }), BOOTSTRAP_ADMIN, AT, META)),
    ).rejects.toThrow(
      new InvalidAccessInputError(['email must look like name@example.org', 'password must be at least 12 characters']),
    );
    expect(await userIdByEmail(b.store, 'x1@example.org')).toBeUndefined();
    expect(await b.db.query('SELECT 1 FROM user_credentials')).toHaveLength(1);
  }, 30_000);
});
