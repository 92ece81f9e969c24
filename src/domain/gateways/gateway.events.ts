import type { DomainEvent } from '../shared/event.js';

export const NETWORK_TYPES = ['zigbee', 'zigbee2mqtt', 'dsmr', 'modbus'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

/** Mirrors the link's refusal reasons; kept here so the domain depends on nothing outside itself. */
export const LINK_REFUSAL_REASONS = [
  'unknown_identity',
  'wrong_key',
  'decommissioned',
  'protocol_error',
  'bad_hello',
] as const;
export type RefusalReason = (typeof LINK_REFUSAL_REASONS)[number];

export interface GatewayLocation {
  readonly lat: number;
  readonly lon: number;
  readonly label: string;
}

export type GatewayRegistered = DomainEvent<
  'GatewayRegistered',
  {
    readonly gatewayId: string;
    readonly name: string;
    readonly networkType: NetworkType;
    readonly address: string;
    readonly description: string;
    readonly location: GatewayLocation;
    readonly ownerId: string;
    /** First 16 hex digits of SHA-256 of the network key; the key itself never enters the log. */
    readonly keyFingerprint: string;
    readonly registeredAt: string;
  }
>;

export type NetworkKeyRotated = DomainEvent<
  'NetworkKeyRotated',
  {
    readonly gatewayId: string;
    readonly keyFingerprint: string;
    readonly previousKeyFingerprint: string;
    readonly rotatedAt: string;
  }
>;

export type GatewayDecommissioned = DomainEvent<
  'GatewayDecommissioned',
  { readonly gatewayId: string; readonly reason: string; readonly at: string }
>;

/** An administrator handed the gateway, with its nodes, sensors and actuators, to another owner (a user id). */
export type GatewayOwnerChanged = DomainEvent<
  'GatewayOwnerChanged',
  { readonly gatewayId: string; readonly ownerId: string; readonly previousOwnerId: string; readonly at: string }
>;

/**
 * An administrator erased, on the former owner's request, one closed ownership period of the gateway: the read models
 * drop what was measured, raised, requested or read in it (ADR 0030). The event is the tombstone the log keeps.
 * `from` is null for the first owner's period, which has no start.
 */
export type OwnershipPeriodErased = DomainEvent<
  'OwnershipPeriodErased',
  {
    readonly gatewayId: string;
    readonly ownerId: string;
    readonly from: string | null;
    readonly to: string;
    readonly reason: string;
    readonly at: string;
  }
>;

export type LinkSessionOpened = DomainEvent<
  'LinkSessionOpened',
  {
    readonly gatewayId: string;
    readonly sessionId: string;
    readonly remoteAddress: string;
    readonly protocolVersion: number;
    readonly at: string;
  }
>;

export type LinkSessionClosed = DomainEvent<
  'LinkSessionClosed',
  {
    readonly gatewayId: string;
    readonly sessionId: string;
    readonly reason: string;
    readonly at: string;
    readonly framesReceived: number;
    readonly readingsReceived: number;
  }
>;

export type LinkConnectionRefused = DomainEvent<
  'LinkConnectionRefused',
  { readonly gatewayId: string; readonly reason: RefusalReason; readonly detail: string; readonly at: string }
>;

/** Name, description or location changed; carries the full new values and which of them changed. */
export type GatewayDetailsChanged = DomainEvent<
  'GatewayDetailsChanged',
  {
    readonly gatewayId: string;
    readonly name: string;
    readonly description: string;
    readonly location: GatewayLocation;
    readonly changedFields: readonly ('name' | 'description' | 'location')[];
    readonly changedAt: string;
  }
>;

export type GatewayEvent =
  | GatewayRegistered
  | GatewayDetailsChanged
  | NetworkKeyRotated
  | GatewayDecommissioned
  | GatewayOwnerChanged
  | OwnershipPeriodErased
  | LinkSessionOpened
  | LinkSessionClosed
  | LinkConnectionRefused;

export type GatewayEventType = GatewayEvent['type'];

/** The stored type names of the gateway context: the one registry readers check against. */
export const GATEWAY_EVENT_TYPES: readonly GatewayEventType[] = [
  'GatewayRegistered',
  'GatewayDetailsChanged',
  'NetworkKeyRotated',
  'GatewayDecommissioned',
  'GatewayOwnerChanged',
  'OwnershipPeriodErased',
  'LinkSessionOpened',
  'LinkSessionClosed',
  'LinkConnectionRefused',
];

export function isGatewayEvent(event: { readonly type: string; readonly data: unknown }): event is GatewayEvent {
  return (GATEWAY_EVENT_TYPES as readonly string[]).includes(event.type);
}
