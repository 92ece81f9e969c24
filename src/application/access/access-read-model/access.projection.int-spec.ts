import { describeProjection } from '#test/support/projection-spec.js';
import { accessHandlers } from '#test/support/access-handlers.js';
import { A_POWER, ADMIN, ALICE, BOB, project, seedTwoHomes, TestClock } from '#test/support/access-homes.js';
import { ChangeGatewayOwnerHandler } from '../../gateways/change-gateway-owner/change-gateway-owner.handler.js';
import { ChangeGatewayOwner } from '../../gateways/change-gateway-owner/change-gateway-owner.command.js';
import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { anAccessGrant } from '#test/builders/access.js';
import { accessProjection } from './access.projection.js';

describeProjection(
  'access projection',
  accessProjection,
  (spec) => {
    let h: ReturnType<typeof accessHandlers>;
    const clock = new TestClock(new Date('2025-03-01T12:00:00.000Z'));
    const tables = async () => ({
      owners: await spec.rows('SELECT gateway_id, owner_id FROM access_gateway_owners ORDER BY gateway_id'),
      grants: await spec.rows(
        'SELECT grantor, grantee_kind, grantee_id, sensor_ids, rights, status FROM access_grants ORDER BY status, grant_id',
      ),
      objects: await spec.rows(
        'SELECT grantee, object_kind, object_id, can_read, can_aggregate, can_command FROM access_grant_objects ORDER BY object_id',
      ),
      visibility: await spec.rows(
        'SELECT sensor_id, gateway_id, visibility, changed_by FROM sensor_visibility ORDER BY sensor_id',
      ),
    });

    beforeAll(() => {
      h = accessHandlers(spec.backend, clock);
    });

    it('folds ownership, transfers, grants, revokes and visibility into its tables, and rebuilds them identically', async () => {
      const b = spec.backend;
      const directory = new InMemoryPrincipalDirectory([{ kind: 'user', id: 'carol' }]);
      const transfer = new ChangeGatewayOwnerHandler(b.store, h.policy, directory, b.db);
      const meta = (principal: typeof ADMIN) => ({ actorId: 'test', correlationId: 'c', principal });
      expect(await transfer.execute(new ChangeGatewayOwner('gw-b', 'carol', clock.now(), meta(ADMIN)))).toEqual({
        id: 'gw-b',
        ownerId: 'carol',
        changed: true,
      });
      await expect(transfer.execute(new ChangeGatewayOwner('gw-b', 'dave', clock.now(), meta(ADMIN)))).rejects.toThrow(
        'owner dave is not a user',
      );
      await expect(transfer.execute(new ChangeGatewayOwner('gw-b', 'carol', clock.now(), meta(BOB)))).rejects.toThrow(
        'requires the admin role',
      );
      await project(b);
      const kept = await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read', 'command']);
      const gone = await h.grant(ALICE, { kind: 'client', id: 'c-1' }, { gatewayIds: ['gw-a'] }, ['aggregate']);
      await h.revoke(ALICE, gone);
      await h.setVisibility(ALICE, A_POWER, 'public_aggregate');
      const live = await tables();
      expect(live).toEqual({
        owners: [
          { gateway_id: 'gw-a', owner_id: 'alice' },
          { gateway_id: 'gw-b', owner_id: 'carol' },
        ],
        grants: [
          {
            grantor: 'user:alice',
            grantee_kind: 'user',
            grantee_id: 'bob',
            sensor_ids: [A_POWER],
            rights: ['read', 'aggregate', 'command'],
            status: 'active',
          },
          {
            grantor: 'user:alice',
            grantee_kind: 'client',
            grantee_id: 'c-1',
            sensor_ids: [],
            rights: ['aggregate'],
            status: 'revoked',
          },
        ],
        objects: [
          {
            grantee: 'user:bob',
            object_kind: 'sensor',
            object_id: A_POWER,
            can_read: true,
            can_aggregate: true,
            can_command: true,
          },
        ],
        visibility: [
          { sensor_id: A_POWER, gateway_id: 'gw-a', visibility: 'public_aggregate', changed_by: 'user:alice' },
        ],
      });
      expect(kept).not.toEqual(gone);
      await spec.rebuild({ batchSize: 2 });
      expect(await tables()).toEqual(live);
      // Bob no longer owns gw-b: its sensor left his scope with the transfer.
      expect(await h.visibleLatest(BOB, ['b-plug/power'])).toEqual([]);
    }, 60_000);

    it('bounds an owner’s grant by its grantor’s ownership, not an admin’s, and keeps why a grant ended', async () => {
      await spec.given('grant-h-own', [anAccessGrant({ grantId: 'h-own', grantee: { kind: 'client', id: 'c-9' } })]);
      await spec.given('grant-h-adm', [
        anAccessGrant({
          grantId: 'h-adm',
          grantor: 'user:root',
          grantee: { kind: 'client', id: 'c-9' },
          asAdmin: true,
        }),
      ]);
      await spec.given('grant-h-own', [
        {
          type: 'AccessRevoked',
          data: {
            grantId: 'h-own',
            revokedBy: 'user:root',
            at: '2025-03-02T00:00:00.000Z',
            reason: 'ownership_changed',
            gatewayId: 'gw-a',
          },
        },
      ]);
      await spec.given('grant-h-own2', [anAccessGrant({ grantId: 'h-own2', grantee: { kind: 'client', id: 'c-9' } })]);
      await project(spec.backend);
      const rows = () =>
        spec.rows(
          `SELECT g.grant_id, g.status, g.end_reason, o.bound_owner FROM access_grants g
             LEFT JOIN access_grant_objects o ON o.grant_id = g.grant_id
            WHERE g.grant_id LIKE 'h-%' ORDER BY g.grant_id`,
        );
      const expected = [
        { grant_id: 'h-adm', status: 'active', end_reason: null, bound_owner: null },
        { grant_id: 'h-own', status: 'revoked', end_reason: 'ownership_changed', bound_owner: null },
        { grant_id: 'h-own2', status: 'active', end_reason: null, bound_owner: 'alice' },
      ];
      expect(await rows()).toEqual(expected);
      await spec.rebuild({ batchSize: 1 });
      expect(await rows()).toEqual(expected);
    }, 60_000);
  },
  { database: 'shared', seed: seedTwoHomes },
);
