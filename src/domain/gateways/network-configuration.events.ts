import type { DomainEvent } from '../shared/event.js';

/** The limits of a ZigBee network change, shared by the decider and the transports. */
export const NETWORK_LIMITS = {
  permitJoinSeconds: { min: 0, max: 254, default: 60 },
  channel: { min: 11, max: 26 },
} as const;

/** One change of a gateway's network, asked of its coordinator. */
export type NetworkConfigurationChange =
  /** Let devices join for this long; 0 closes joining. */
  | { readonly kind: 'permit_join'; readonly seconds: number }
  /** Move the running network to this 2.4 GHz channel. */
  | { readonly kind: 'channel'; readonly channel: number };

/** What the coordinator reported after applying a change, in its own words. */
export type NetworkConfigurationReport =
  | { readonly kind: 'permit_join'; readonly open: boolean; readonly until: string | null }
  | {
      readonly kind: 'channel';
      readonly channel: number;
      readonly panId: number;
      readonly extendedPanId: string;
      readonly nwkUpdateId: number;
    };

export type NetworkConfigurationRequested = DomainEvent<
  'NetworkConfigurationRequested',
  {
    readonly requestId: string;
    readonly gatewayId: string;
    /** `network.permitJoin` or `network.channel`. */
    readonly field: string;
    readonly change: NetworkConfigurationChange;
    readonly requestedBy: string;
    readonly reason: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }
>;

export type NetworkConfigurationSent = DomainEvent<
  'NetworkConfigurationSent',
  { readonly requestId: string; readonly gatewayId: string; readonly field: string; readonly sentAt: string }
>;

export type NetworkConfigurationApplied = DomainEvent<
  'NetworkConfigurationApplied',
  {
    readonly requestId: string;
    readonly gatewayId: string;
    readonly field: string;
    /** Who asked for the change that was applied. */
    readonly requestedBy: string;
    readonly change: NetworkConfigurationChange;
    /** What the coordinator reported afterwards (the channel it now runs on, until when joining is open). */
    readonly applied: NetworkConfigurationReport;
    readonly confirmation: string;
    readonly appliedAt: string;
  }
>;

export type NetworkConfigurationRejected = DomainEvent<
  'NetworkConfigurationRejected',
  {
    readonly requestId: string;
    readonly gatewayId: string;
    readonly field: string;
    readonly detail: string;
    readonly rejectedAt: string;
  }
>;

export type NetworkConfigurationTimedOut = DomainEvent<
  'NetworkConfigurationTimedOut',
  { readonly requestId: string; readonly gatewayId: string; readonly field: string; readonly timedOutAt: string }
>;

export type NetworkConfigurationEvent =
  | NetworkConfigurationRequested
  | NetworkConfigurationSent
  | NetworkConfigurationApplied
  | NetworkConfigurationRejected
  | NetworkConfigurationTimedOut;

/** The stored type names of network configuration, in `gateway-<gatewayId>` streams. */
export const NETWORK_CONFIGURATION_EVENT_TYPES: readonly NetworkConfigurationEvent['type'][] = [
  'NetworkConfigurationRequested',
  'NetworkConfigurationSent',
  'NetworkConfigurationApplied',
  'NetworkConfigurationRejected',
  'NetworkConfigurationTimedOut',
];

export function isNetworkConfigurationEvent(event: { readonly type: string }): event is NetworkConfigurationEvent {
  return (NETWORK_CONFIGURATION_EVENT_TYPES as readonly string[]).includes(event.type);
}

export const NETWORK_FIELDS = ['network.channel', 'network.permitJoin'] as const;
export type NetworkField = (typeof NETWORK_FIELDS)[number];

export function networkFieldOf(change: { readonly kind: NetworkConfigurationChange['kind'] }): NetworkField {
  switch (change.kind) {
    case 'permit_join':
      return 'network.permitJoin';
    case 'channel':
      return 'network.channel';
  }
}
