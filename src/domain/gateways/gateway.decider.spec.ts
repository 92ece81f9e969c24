import { aRegisteredGateway } from '#test/builders/gateways.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { gatewayDecider, type GatewayCommand } from './gateway.decider.js';
import {
  GatewayAlreadyRegisteredError,
  GatewayDecommissionedError,
  GatewayNotFoundError,
  InvalidGatewayRegistrationError,
} from './gateway.errors.js';
import type { GatewayEvent } from './gateway.events.js';

const ID = 'gw-1';
const AT = '2024-05-01T10:00:00.000Z';

const register = (
  overrides: Partial<Extract<GatewayCommand, { type: 'RegisterGateway' }>['data']> = {},
): GatewayCommand => ({
  type: 'RegisterGateway',
  data: {
    gatewayId: ID,
    name: 'Home',
    networkType: 'zigbee',
    address: '192.0.2.10',
    description: 'meter cupboard',
    location: { lat: 52.37, lon: 4.89, label: 'Amsterdam' },
    ownerId: 'owner-1',
    keyFingerprint: 'aaaaaaaaaaaaaaaa',
    at: AT,
    ...overrides,
  },
});

const decommissioned: GatewayEvent = {
  type: 'GatewayDecommissioned',
  data: { gatewayId: ID, reason: 'moved', at: AT },
};
const opened = (sessionId: string): GatewayEvent => ({
  type: 'LinkSessionOpened',
  data: { gatewayId: ID, sessionId, remoteAddress: '127.0.0.1:5000', protocolVersion: 1, at: AT },
});
const refusal = (at: string, reason: 'wrong_key' | 'bad_hello' = 'wrong_key'): GatewayCommand => ({
  type: 'RecordLinkRefusal',
  data: { gatewayId: ID, reason, detail: 'handshake failed', at },
});

const given = DeciderSpecification.for(gatewayDecider);

describe('gateway decider', () => {
  describe('RegisterGateway', () => {
    it('Given no gateway, When registered, Then GatewayRegistered carries the fingerprint and trimmed fields', () => {
      given()
        .when(register({ name: '  Home  ' }))
        .then([aRegisteredGateway()]);
    });

    it('Given a registered gateway, When registered again, Then it is a conflict', () => {
      given(aRegisteredGateway())
        .when(register())
        .thenThrows(GatewayAlreadyRegisteredError, 'gateway gw-1 is already registered');
    });

    it('rejects out-of-range coordinates, bad names and unknown network types with every reason at once', () => {
      given()
        .when(register({ name: '', networkType: 'lora', location: { lat: 91, lon: -181, label: '' } }))
        .thenThrows(
          InvalidGatewayRegistrationError,
          'invalid gateway registration: name must be 1 to 100 characters (got 0); network type must be one of zigbee, zigbee2mqtt, dsmr, modbus (got "lora"); lat must be a number from -90 to 90 (got 91); lon must be a number from -180 to 180 (got -181)',
        );
      given()
        .when(register({ name: 'x'.repeat(101) }))
        .thenThrows(InvalidGatewayRegistrationError, 'name must be 1 to 100 characters (got 101)');
      given()
        .when(register({ location: { lat: Number.NaN, lon: 0, label: '' } }))
        .thenThrows(InvalidGatewayRegistrationError, 'lat must be a number');
      given()
        .when(register({ gatewayId: 'a:b' }))
        .thenThrows(InvalidGatewayRegistrationError, 'gateway id must be');
    });

    it('accepts the edges of the coordinate ranges', () => {
      given()
        .when(register({ location: { lat: -90, lon: 180, label: 'pole' } }))
        .then([aRegisteredGateway({ location: { lat: -90, lon: 180, label: 'pole' } })]);
    });
  });

  describe('RotateNetworkKey', () => {
    const rotate: GatewayCommand = {
      type: 'RotateNetworkKey',
      data: { gatewayId: ID, keyFingerprint: 'bbbbbbbbbbbbbbbb', at: AT },
    };

    it('Given a registered gateway, When rotated, Then the event names the new and the previous fingerprint', () => {
      given(aRegisteredGateway())
        .when(rotate)
        .then([
          {
            type: 'NetworkKeyRotated',
            data: {
              gatewayId: ID,
              keyFingerprint: 'bbbbbbbbbbbbbbbb',
              previousKeyFingerprint: 'aaaaaaaaaaaaaaaa',
              rotatedAt: AT,
            },
          },
        ]);
    });

    it('follows earlier rotations for the previous fingerprint', () => {
      const first: GatewayEvent = {
        type: 'NetworkKeyRotated',
        data: {
          gatewayId: ID,
          keyFingerprint: 'cccccccccccccccc',
          previousKeyFingerprint: 'aaaaaaaaaaaaaaaa',
          rotatedAt: AT,
        },
      };
      given(aRegisteredGateway(), first)
        .when(rotate)
        .then(([event]) => expect(event).toMatchObject({ data: { previousKeyFingerprint: 'cccccccccccccccc' } }));
    });

    it('refuses unknown and decommissioned gateways', () => {
      given().when(rotate).thenThrows(GatewayNotFoundError, 'gateway gw-1 does not exist');
      given(aRegisteredGateway(), decommissioned)
        .when(rotate)
        .thenThrows(GatewayDecommissionedError, 'gateway gw-1 is decommissioned');
    });
  });

  describe('DecommissionGateway', () => {
    const decommission: GatewayCommand = {
      type: 'DecommissionGateway',
      data: { gatewayId: ID, reason: 'moved', at: AT },
    };

    it('Given a registered gateway, When decommissioned, Then GatewayDecommissioned', () => {
      given(aRegisteredGateway()).when(decommission).then([decommissioned]);
    });

    it('refuses a second decommission and unknown gateways', () => {
      given(aRegisteredGateway(), decommissioned).when(decommission).thenThrows(GatewayDecommissionedError);
      given().when(decommission).thenThrows(GatewayNotFoundError);
    });
  });

  describe('ChangeGatewayOwner', () => {
    const change = (ownerId: string): GatewayCommand => ({
      type: 'ChangeGatewayOwner',
      data: { gatewayId: ID, ownerId, at: AT },
    });
    const changed = (ownerId: string, previousOwnerId: string): GatewayEvent => ({
      type: 'GatewayOwnerChanged',
      data: { gatewayId: ID, ownerId, previousOwnerId, at: AT },
    });

    it('Given a registered gateway, When handed to a homeowner, Then GatewayOwnerChanged names both owners', () => {
      given(aRegisteredGateway())
        .when(change(' alice '))
        .then([changed('alice', 'owner-1')]);
    });

    it('follows earlier transfers, and changes nothing when the owner stays the same', () => {
      given(aRegisteredGateway(), changed('alice', 'owner-1'))
        .when(change('bob'))
        .then([changed('bob', 'alice')]);
      given(aRegisteredGateway(), changed('alice', 'owner-1')).when(change('alice')).then([]);
    });

    it('refuses unknown and decommissioned gateways and empty owners', () => {
      given().when(change('alice')).thenThrows(GatewayNotFoundError);
      given(aRegisteredGateway(), decommissioned).when(change('alice')).thenThrows(GatewayDecommissionedError);
      given(aRegisteredGateway())
        .when(change('  '))
        .thenThrows(InvalidGatewayRegistrationError, /ownerId/);
    });
  });

  describe('link sessions', () => {
    const open: GatewayCommand = {
      type: 'RecordLinkSessionOpened',
      data: { gatewayId: ID, sessionId: 's-1', remoteAddress: '127.0.0.1:5000', protocolVersion: 1, at: AT },
    };
    const close: GatewayCommand = {
      type: 'RecordLinkSessionClosed',
      data: { gatewayId: ID, sessionId: 's-1', reason: 'key rotated', at: AT, framesReceived: 3, readingsReceived: 12 },
    };

    it('records an opened session once, even when reported twice', () => {
      given(aRegisteredGateway())
        .when(open)
        .then([opened('s-1')]);
      given(aRegisteredGateway(), opened('s-1')).when(open).then([]);
    });

    it('refuses sessions of unknown or decommissioned gateways', () => {
      given().when(open).thenThrows(GatewayNotFoundError);
      given(aRegisteredGateway(), decommissioned).when(open).thenThrows(GatewayDecommissionedError);
    });

    it('closes open sessions, also after a decommission, and ignores sessions it never saw open', () => {
      const closed = { type: 'LinkSessionClosed', data: close.data } as GatewayEvent;
      given(aRegisteredGateway(), opened('s-1')).when(close).then([closed]);
      given(aRegisteredGateway(), opened('s-1'), decommissioned).when(close).then([closed]);
      given(aRegisteredGateway(), opened('s-1'), closed).when(close).then([]);
      given(aRegisteredGateway()).when(close).then([]);
    });
  });

  describe('RecordLinkRefusal', () => {
    const refused = (at: string, reason: 'wrong_key' | 'bad_hello' = 'wrong_key'): GatewayEvent => ({
      type: 'LinkConnectionRefused',
      data: { gatewayId: ID, reason, detail: 'handshake failed', at },
    });

    it('Given a registered gateway, When a connection is refused, Then it is recorded', () => {
      given(aRegisteredGateway())
        .when(refusal(AT))
        .then([refused(AT)]);
    });

    it('records at most one refusal per reason per minute', () => {
      given(aRegisteredGateway(), refused(AT)).when(refusal('2024-05-01T10:00:59.999Z')).then([]);
      given(aRegisteredGateway(), refused(AT))
        .when(refusal('2024-05-01T10:01:00.000Z'))
        .then([refused('2024-05-01T10:01:00.000Z')]);
      given(aRegisteredGateway(), refused(AT))
        .when(refusal(AT, 'bad_hello'))
        .then([refused(AT, 'bad_hello')]);
    });

    it('records refusals of decommissioned gateways, and nothing for identities never registered', () => {
      given(aRegisteredGateway(), decommissioned)
        .when(refusal(AT))
        .then([refused(AT)]);
      given().when(refusal(AT)).then([]);
    });

    it('cuts attacker-supplied detail to a bounded length', () => {
      given(aRegisteredGateway())
        .when({
          type: 'RecordLinkRefusal',
          data: { gatewayId: ID, reason: 'bad_hello', detail: 'x'.repeat(10_000), at: AT },
        })
        .then(([event]) => expect((event?.data as { detail: string }).detail).toHaveLength(200));
    });
  });
});

describe('gateway decider: ChangeGatewayDetails', () => {
  const registered = aRegisteredGateway();
  const change = (
    data: Partial<Extract<GatewayCommand, { type: 'ChangeGatewayDetails' }>['data']>,
  ): GatewayCommand => ({
    type: 'ChangeGatewayDetails',
    data: { gatewayId: ID, at: AT, ...data },
  });

  it('Given a registered gateway, When name and location change, Then GatewayDetailsChanged carries the new values and what changed', () => {
    given(registered)
      .when(change({ name: ' Shed ', location: { lat: 1, lon: 2, label: 'x' } }))
      .then([
        {
          type: 'GatewayDetailsChanged',
          data: {
            gatewayId: ID,
            name: 'Shed',
            description: 'meter cupboard',
            location: { lat: 1, lon: 2, label: 'x' },
            changedFields: ['name', 'location'],
            changedAt: AT,
          },
        },
      ]);
  });

  it('Given a registered gateway, When nothing differs, Then nothing; When the name is empty, Then it throws', () => {
    given(registered)
      .when(change({ name: 'Home' }))
      .then([]);
    given(registered)
      .when(change({ name: ' ' }))
      .thenThrows(InvalidGatewayRegistrationError);
  });

  it('Given a decommissioned gateway, When details change, Then it throws', () => {
    given(registered, decommissioned)
      .when(change({ name: 'x' }))
      .thenThrows(GatewayDecommissionedError);
  });
});
