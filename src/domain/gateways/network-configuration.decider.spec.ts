import { GatewayDecommissionedError, GatewayNotFoundError } from './gateway.errors.js';
import { aNetworkConfigurationRequested, aRegisteredGateway } from '#test/builders/gateways.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import type { GatewayEvent, NetworkType } from './gateway.events.js';
import { networkConfigurationDecider, type NetworkConfigurationCommand } from './network-configuration.decider.js';
import {
  InvalidNetworkConfigurationError,
  NetworkNotConfigurableError,
  UnknownNetworkConfigurationRequestError,
} from './network-configuration.errors.js';
import type {
  NetworkConfigurationChange,
  NetworkConfigurationEvent,
  NetworkConfigurationReport,
} from './network-configuration.events.js';

const AT = '2024-05-01T10:00:00.000Z';
const LATER = (s: number) => new Date(Date.parse(AT) + s * 1000).toISOString();
const GW = 'gw-1';
const channel15: NetworkConfigurationChange = { kind: 'channel', channel: 15 };
const onChannel = (channel: number): NetworkConfigurationReport => ({
  kind: 'channel',
  channel,
  panId: 0x1a62,
  extendedPanId: '0xdddddddddddddddd',
  nwkUpdateId: 1,
});

const given = DeciderSpecification.for(networkConfigurationDecider);

const request = (
  change: NetworkConfigurationChange = channel15,
  requestId = 'r1',
  timeoutSeconds = 60,
): NetworkConfigurationCommand => ({
  type: 'RequestNetworkConfiguration',
  data: {
    requestId,
    gatewayId: GW,
    change,
    requestedBy: 'user:admin',
    reason: 'less interference',
    timeoutSeconds,
    at: AT,
  },
});
const requested = (change: NetworkConfigurationChange = channel15): NetworkConfigurationEvent =>
  aNetworkConfigurationRequested({ change });
const sent = (field = 'network.channel'): NetworkConfigurationEvent => ({
  type: 'NetworkConfigurationSent',
  data: { requestId: 'r1', gatewayId: GW, field, sentAt: LATER(1) },
});
const apply = (report: NetworkConfigurationReport): NetworkConfigurationCommand => ({
  type: 'ApplyNetworkConfiguration',
  data: { requestId: 'r1', report, confirmation: 'coordinator on channel 15', at: LATER(2) },
});

describe('network configuration decider', () => {
  it('Given a ZigBee gateway, When a channel change is requested, Then NetworkConfigurationRequested names the field, who, why and the expiry', () => {
    given(aRegisteredGateway())
      .when(request())
      .then([
        {
          type: 'NetworkConfigurationRequested',
          data: {
            requestId: 'r1',
            gatewayId: GW,
            field: 'network.channel',
            change: channel15,
            requestedBy: 'user:admin',
            reason: 'less interference',
            requestedAt: AT,
            expiresAt: LATER(60),
          },
        },
      ]);
    given(aRegisteredGateway())
      .when(request({ kind: 'permit_join', seconds: 0 }))
      .then(([event]) => expect(event).toMatchObject({ data: { field: 'network.permitJoin' } }));
  });

  it.each<[NetworkConfigurationChange, RegExp]>([
    [{ kind: 'channel', channel: 10 }, /channel must be a ZigBee channel from 11 to 26/],
    [{ kind: 'channel', channel: 27 }, /from 11 to 26/],
    [{ kind: 'channel', channel: 15.5 }, /from 11 to 26/],
    [{ kind: 'permit_join', seconds: 255 }, /seconds must be an integer from 0 to 254/],
    [{ kind: 'permit_join', seconds: -1 }, /0 to 254/],
  ])('Given a ZigBee gateway, When %j is requested, Then it throws', (change, message) => {
    given(aRegisteredGateway()).when(request(change)).thenThrows(InvalidNetworkConfigurationError);
    given(aRegisteredGateway()).when(request(change)).thenThrows(message);
  });

  it('Given a ZigBee gateway, When the timeout is out of range, Then it throws', () => {
    given(aRegisteredGateway())
      .when(request(channel15, 'r1', 0))
      .thenThrows(/timeoutSeconds must be an integer from 1 to 86400/);
  });

  it.each<NetworkType>(['dsmr', 'modbus'])(
    'Given a %s gateway, When a network change is requested, Then it is refused as not configurable',
    (networkType) => {
      for (const change of [channel15, { kind: 'permit_join', seconds: 60 } as const]) {
        given(aRegisteredGateway({ networkType })).when(request(change)).thenThrows(NetworkNotConfigurableError);
        given(aRegisteredGateway({ networkType }))
          .when(request(change))
          .thenThrows(/for ZigBee gateways only/);
      }
    },
  );

  it('Given a zigbee2mqtt gateway, When permit join is requested, Then it is recorded; When a channel change is, Then it is refused and says where the channel is set', () => {
    given(aRegisteredGateway({ networkType: 'zigbee2mqtt' }))
      .when(request({ kind: 'permit_join', seconds: 120 }))
      .then([
        expect.objectContaining({
          type: 'NetworkConfigurationRequested',
          data: expect.objectContaining({ field: 'network.permitJoin', change: { kind: 'permit_join', seconds: 120 } }),
        }),
      ]);
    given(aRegisteredGateway({ networkType: 'zigbee2mqtt' }))
      .when(request(channel15))
      .thenThrows(NetworkNotConfigurableError);
    given(aRegisteredGateway({ networkType: 'zigbee2mqtt' }))
      .when(request(channel15))
      .thenThrows(/only from its own configuration and a restart/);
  });

  it('Given no gateway or a decommissioned one, When a change is requested, Then it throws the gateway error', () => {
    given().when(request()).thenThrows(GatewayNotFoundError);
    const decommissioned: GatewayEvent = {
      type: 'GatewayDecommissioned',
      data: { gatewayId: GW, reason: 'sold', at: AT },
    };
    given(aRegisteredGateway(), decommissioned).when(request()).thenThrows(GatewayDecommissionedError);
  });

  it('Given a requested channel change, When sent and the coordinator reports the new channel, Then Sent and Applied carry what it reported', () => {
    given(aRegisteredGateway(), requested())
      .when({ type: 'MarkNetworkConfigurationSent', data: { requestId: 'r1', at: LATER(1) } })
      .then([sent()]);
    const applied: NetworkConfigurationEvent = {
      type: 'NetworkConfigurationApplied',
      data: {
        requestId: 'r1',
        gatewayId: GW,
        field: 'network.channel',
        requestedBy: 'user:admin',
        change: channel15,
        applied: onChannel(15),
        confirmation: 'coordinator on channel 15',
        appliedAt: LATER(2),
      },
    };
    given(aRegisteredGateway(), requested(), sent())
      .when(apply(onChannel(15)))
      .then([applied]);
    const after = given(aRegisteredGateway(), requested(), sent(), applied).state;
    expect(after.requests.r1).toMatchObject({ status: 'applied', applied: onChannel(15) });
  });

  it('Given a sent channel change, When the coordinator still reports the old channel, Then Rejected names the difference', () => {
    given(aRegisteredGateway(), requested(), sent())
      .when(apply(onChannel(11)))
      .then([
        {
          type: 'NetworkConfigurationRejected',
          data: {
            requestId: 'r1',
            gatewayId: GW,
            field: 'network.channel',
            detail: 'the coordinator reports channel 11, not 15',
            rejectedAt: LATER(2),
          },
        },
      ]);
  });

  it('Given a sent permit join, When the coordinator reports joining open until a time, Then Applied; a report of joining closed is a rejection', () => {
    const open = requested({ kind: 'permit_join', seconds: 60 });
    const report: NetworkConfigurationReport = { kind: 'permit_join', open: true, until: LATER(61) };
    given(aRegisteredGateway(), open, sent('network.permitJoin'))
      .when(apply(report))
      .then(([event]) =>
        expect(event).toMatchObject({ type: 'NetworkConfigurationApplied', data: { applied: report } }),
      );
    given(aRegisteredGateway(), open)
      .when(apply({ kind: 'permit_join', open: false, until: null }))
      .then(([event]) =>
        expect(event).toMatchObject({
          type: 'NetworkConfigurationRejected',
          data: { detail: 'the coordinator reports joining closed' },
        }),
      );
    given(aRegisteredGateway(), open)
      .when(apply(onChannel(15)))
      .then(([event]) =>
        expect(event).toMatchObject({
          type: 'NetworkConfigurationRejected',
          data: { detail: 'the gateway reported channel for a permit_join request' },
        }),
      );
  });

  it('Given a sent change, When the gateway refuses it, Then Rejected with its reason', () => {
    given(aRegisteredGateway(), requested(), sent())
      .when({
        type: 'RejectNetworkConfiguration',
        data: { requestId: 'r1', detail: 'not supported: no coordinator', at: LATER(2) },
      })
      .then([
        {
          type: 'NetworkConfigurationRejected',
          data: {
            requestId: 'r1',
            gatewayId: GW,
            field: 'network.channel',
            detail: 'not supported: no coordinator',
            rejectedAt: LATER(2),
          },
        },
      ]);
  });

  it('Given a waiting change, When it expires, Then TimedOut; an answer afterwards decides nothing', () => {
    given(aRegisteredGateway(), requested())
      .when({ type: 'ExpireNetworkConfiguration', data: { requestId: 'r1', at: LATER(59) } })
      .then([]);
    const timedOut: NetworkConfigurationEvent = {
      type: 'NetworkConfigurationTimedOut',
      data: { requestId: 'r1', gatewayId: GW, field: 'network.channel', timedOutAt: LATER(60) },
    };
    given(aRegisteredGateway(), requested(), sent())
      .when({ type: 'ExpireNetworkConfiguration', data: { requestId: 'r1', at: LATER(60) } })
      .then([timedOut]);
    given(aRegisteredGateway(), requested(), sent(), timedOut)
      .when(apply(onChannel(15)))
      .then([]);
  });

  it('Given no such request, When a step names it, Then it throws; a repeated request or a second Sent decides nothing', () => {
    given(aRegisteredGateway())
      .when({ type: 'MarkNetworkConfigurationSent', data: { requestId: 'nope', at: AT } })
      .thenThrows(UnknownNetworkConfigurationRequestError);
    given(aRegisteredGateway(), requested()).when(request()).then([]);
    given(aRegisteredGateway(), requested(), sent())
      .when({ type: 'MarkNetworkConfigurationSent', data: { requestId: 'r1', at: LATER(3) } })
      .then([]);
  });
});
