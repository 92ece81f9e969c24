import { describeProjection } from '#test/support/projection-spec.js';
import { BOOTSTRAP_ADMIN } from '../../../domain/access/principal.js';
import type { UserEvent } from '../../../domain/access/user.events.js';
import type { Projection } from '../../projections/projection.js';
import { AdminRequiredError } from '../access.errors.js';
import { apiClientsProjection } from '../api-clients-read-model/api-clients.projection.js';
import { ListApiClientsHandler } from '../list-api-clients/list-api-clients.handler.js';
import { ListApiClients } from '../list-api-clients/list-api-clients.query.js';
import { ListUsersHandler } from '../list-users/list-users.handler.js';
import { ListUsers } from '../list-users/list-users.query.js';
import { usersProjection } from './users.projection.js';

const AT = '2024-05-01T10:00:00.000Z';
const LATER = '2024-05-02T10:00:00.000Z';
const registered = (userId: string, email: string): UserEvent => ({
  type: 'UserRegistered',
  data: { userId, email, displayName: `Name ${userId}`, role: 'user', at: AT },
});

describeProjection('users and api_clients read models', [usersProjection, apiClientsProjection], (spec) => {
  const project = async (projection: Projection): Promise<void> => {
    await spec.project({ projection, batchSize: 2 });
  };

  it('Given registrations, a role change, sessions and a disable, Then one row per user with its current role and state', async () => {
    const b = spec.backend;
    await spec.given(
      'user-u1',
      [
        registered('u1', 'ann@example.org'),
        { type: 'UserSessionStarted', data: { userId: 'u1', sessionId: 's1', at: AT } },
        { type: 'UserRoleChanged', data: { userId: 'u1', role: 'admin', previousRole: 'user', at: LATER } },
      ],
      'no_stream',
    );
    await spec.given(
      'user-u2',
      [
        registered('u2', 'bob@example.org'),
        { type: 'UserDisabled', data: { userId: 'u2', reason: 'left', at: LATER } },
      ],
      'no_stream',
    );
    await project(usersProjection);
    const page = await new ListUsersHandler(b.db).execute(new ListUsers({ limit: 1 }, BOOTSTRAP_ADMIN));
    expect(page).toEqual({
      items: [
        {
          userId: 'u1',
          email: 'ann@example.org',
          displayName: 'Name u1',
          role: 'admin',
          registeredAt: AT,
          disabledAt: null,
          disabledReason: null,
        },
      ],
      nextAfter: 'ann@example.org',
    });
    const next = await new ListUsersHandler(b.db).execute(
      new ListUsers({ limit: 10, after: 'ann@example.org' }, BOOTSTRAP_ADMIN),
    );
    expect(next.items).toEqual([
      {
        userId: 'u2',
        email: 'bob@example.org',
        displayName: 'Name u2',
        role: 'user',
        registeredAt: AT,
        disabledAt: LATER,
        disabledReason: 'left',
      },
    ]);
    expect(next.nextAfter).toBeNull();
    await expect(
      new ListUsersHandler(b.db).execute(new ListUsers({ limit: 10 }, { kind: 'user', userId: 'u2', role: 'user' })),
    ).rejects.toThrow(AdminRequiredError);

    const incremental = await b.db.query('SELECT * FROM users ORDER BY user_id');
    await spec.rebuild({ batchSize: 1000 });
    expect(await b.db.query('SELECT * FROM users ORDER BY user_id')).toEqual(incremental);
  });

  it('Given a client registered, rotated and revoked, Then its row shows the current fingerprint and the revocation', async () => {
    const b = spec.backend;
    await spec.given(
      'client-c1',
      [
        {
          type: 'ApiClientRegistered',
          data: {
            clientId: 'c1',
            organisation: 'Grid Co',
            name: 'billing',
            secretFingerprint: 'aaaaaaaaaaaaaaaa',
            at: AT,
          },
        },
        {
          type: 'ApiClientSecretRotated',
          data: {
            clientId: 'c1',
            secretFingerprint: 'bbbbbbbbbbbbbbbb',
            previousSecretFingerprint: 'aaaaaaaaaaaaaaaa',
            at: LATER,
          },
        },
        { type: 'ApiClientRevoked', data: { clientId: 'c1', reason: 'contract ended', at: LATER } },
      ],
      'no_stream',
    );
    await project(apiClientsProjection);
    // Replaying the same events again (a checkpoint lost) leaves the row as it is.
    await b.db.query('DELETE FROM projection_checkpoints');
    await project(apiClientsProjection);
    expect(
      (await new ListApiClientsHandler(b.db).execute(new ListApiClients({ limit: 10 }, BOOTSTRAP_ADMIN))).items,
    ).toEqual([
      {
        clientId: 'c1',
        organisation: 'Grid Co',
        name: 'billing',
        secretFingerprint: 'bbbbbbbbbbbbbbbb',
        registeredAt: AT,
        secretRotatedAt: LATER,
        revokedAt: LATER,
        revokedReason: 'contract ended',
      },
    ]);
  });
});
