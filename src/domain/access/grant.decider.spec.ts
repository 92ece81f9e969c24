import { GrantNotActiveError, GrantNotFoundError, InvalidGrantError } from './access.errors.js';
import { anAccessGrant as granted } from '#test/builders/access.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { grantDecider, type GrantCommand } from './grant.decider.js';

const AT = '2025-03-01T10:00:00.000Z';
const LATER = '2025-03-02T10:00:00.000Z';

type GrantData = Extract<GrantCommand, { type: 'GrantAccess' }>['data'];
const grant = (overrides: Partial<GrantData> = {}): GrantCommand => ({
  type: 'GrantAccess',
  data: {
    grantId: 'g-1',
    grantor: 'user:alice',
    grantee: { kind: 'user', id: 'bob' },
    scope: { sensorIds: ['s-1'] },
    rights: ['read'],
    at: AT,
    ...overrides,
  },
});
const revoke = (at = AT): GrantCommand => ({
  type: 'RevokeAccess',
  data: { grantId: 'g-1', revokedBy: 'user:alice', at },
});
const expire = (at: string): GrantCommand => ({ type: 'ExpireAccess', data: { grantId: 'g-1', at } });
const handover = (previousOwnerId = 'alice', at = LATER): GrantCommand => ({
  type: 'EndAccessOnHandover',
  data: { grantId: 'g-1', gatewayId: 'gw-1', previousOwnerId, endedBy: 'user:root', at },
});
const endedByHandover = {
  type: 'AccessRevoked',
  data: { grantId: 'g-1', revokedBy: 'user:root', at: LATER, reason: 'ownership_changed', gatewayId: 'gw-1' },
} as const;

const given = DeciderSpecification.for(grantDecider);

describe('grant decider', () => {
  describe('GrantAccess', () => {
    it('Given no grant, When read is granted, Then AccessGranted carries read with the aggregate it implies', () => {
      given().when(grant()).then([granted()]);
    });

    it('keeps one copy of each id and right, drops empty scope kinds and normalises the expiry', () => {
      given()
        .when(
          grant({
            scope: { gatewayIds: ['gw-1', 'gw-1'], nodeIds: [] },
            rights: ['command', 'aggregate', 'aggregate'],
            expiresAt: '2025-03-05T00:00:00Z',
          }),
        )
        .then([
          granted({
            scope: { gatewayIds: ['gw-1'] },
            rights: ['aggregate', 'command'],
            expiresAt: '2025-03-05T00:00:00.000Z',
          }),
        ]);
    });

    it('refuses an empty scope, unknown rights, a past expiry and a bad grantee, with every reason at once', () => {
      given()
        .when(
          grant({
            scope: {},
            rights: ['write'],
            expiresAt: '2025-02-01T00:00:00Z',
            grantee: { kind: 'group', id: '' },
          }),
        )
        .thenThrows(InvalidGrantError, /grantee.kind.*grantee.id.*at least one gateway.*unknown rights: write.*future/);
      given()
        .when(grant({ rights: [] }))
        .thenThrows(InvalidGrantError, /at least one of read/);
      given()
        .when(grant({ scope: { sensorIds: Array.from({ length: 501 }, (_, i) => `s-${i}`) } }))
        .thenThrows(InvalidGrantError, /at most 500/);
    });

    it('Given an existing grant, When the same id is granted again, Then it is refused', () => {
      given(granted())
        .when(grant())
        .thenThrows(InvalidGrantError, /exists already/);
    });
  });

  describe('RevokeAccess', () => {
    it('Given an active grant, When revoked, Then AccessRevoked names who revoked it', () => {
      given(granted())
        .when(revoke())
        .then([{ type: 'AccessRevoked', data: { grantId: 'g-1', revokedBy: 'user:alice', at: AT } }]);
    });

    it('refuses unknown, revoked, expired and past-expiry grants', () => {
      given().when(revoke()).thenThrows(GrantNotFoundError);
      given(granted(), { type: 'AccessRevoked', data: { grantId: 'g-1', revokedBy: 'x', at: AT } })
        .when(revoke())
        .thenThrows(GrantNotActiveError, /revoked/);
      given(granted({ expiresAt: LATER }), {
        type: 'AccessExpired',
        data: { grantId: 'g-1', expiresAt: LATER, at: LATER },
      })
        .when(revoke(LATER))
        .thenThrows(GrantNotActiveError, /expired/);
      given(granted({ expiresAt: LATER }))
        .when(revoke(LATER))
        .thenThrows(GrantNotActiveError, /expired/);
    });
  });

  describe('ExpireAccess', () => {
    it('Given a grant past its expiry, When swept, Then AccessExpired', () => {
      given(granted({ expiresAt: LATER }))
        .when(expire(LATER))
        .then([{ type: 'AccessExpired', data: { grantId: 'g-1', expiresAt: LATER, at: LATER } }]);
    });

    it('changes nothing before the expiry, without one, or after a revoke or an earlier sweep', () => {
      given(granted({ expiresAt: LATER }))
        .when(expire(AT))
        .then([]);
      given(granted()).when(expire(LATER)).then([]);
      given(granted({ expiresAt: LATER }), { type: 'AccessRevoked', data: { grantId: 'g-1', revokedBy: 'x', at: AT } })
        .when(expire(LATER))
        .then([]);
      given(granted({ expiresAt: LATER }), {
        type: 'AccessExpired',
        data: { grantId: 'g-1', expiresAt: LATER, at: LATER },
      })
        .when(expire(LATER))
        .then([]);
      given().when(expire(LATER)).thenThrows(GrantNotFoundError);
    });
  });

  describe('EndAccessOnHandover', () => {
    it('Given a grant by the owner who hands the gateway over, Then it is revoked with reason ownership_changed', () => {
      given(granted()).when(handover()).then([endedByHandover]);
    });

    it('marks a grant given as an admin, and a handover does not end it', () => {
      given()
        .when(grant({ asAdmin: true }))
        .then([granted({ asAdmin: true })]);
      given(granted({ asAdmin: true }))
        .when(handover())
        .then([]);
    });

    it('leaves a grant of another grantor, an ended grant and one already past its expiry alone', () => {
      given(granted()).when(handover('carol')).then([]);
      given(granted(), { type: 'AccessRevoked', data: { grantId: 'g-1', revokedBy: 'user:alice', at: AT } })
        .when(handover())
        .then([]);
      given(granted({ expiresAt: AT }))
        .when(handover())
        .then([]);
      given(granted(), endedByHandover).when(handover()).then([]);
    });

    it('Given no grant, Then it is not found', () => {
      given().when(handover()).thenThrows(GrantNotFoundError);
    });
  });
});
