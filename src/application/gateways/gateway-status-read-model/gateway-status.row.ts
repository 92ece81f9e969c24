import { isGatewayEvent, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';

export interface GatewayStatusRow {
  readonly id: string;
  readonly name: string;
  readonly networkType: string;
  readonly address: string;
  readonly description: string;
  readonly lat: number;
  readonly lon: number;
  readonly locationLabel: string;
  readonly ownerId: string;
  readonly lifecycle: 'registered' | 'decommissioned';
  readonly keyFingerprint: string;
  readonly connection: 'online' | 'offline';
  readonly lastSeenAt: string | null;
  readonly openSessions: number;
  readonly framesReceived: number;
  readonly readingsReceived: number;
  /** Payloads kept undecoded (bad CRC, unknown model, wrong kind…) and the latest reason. */
  readonly payloadsUndecoded: number;
  readonly lastUndecodedReason: string | null;
  readonly lastRefusalReason: string | null;
  readonly lastRefusalDetail: string | null;
  readonly lastRefusalAt: string | null;
  readonly registeredAt: string;
  readonly decommissionedAt: string | null;
}

/** The metering context's frame events, as far as this read model needs them: one per gateway frame. */
export const READINGS_REPORTED = 'ReadingsReported';
export const UNDECODED_PAYLOAD_RECEIVED = 'UndecodedPayloadReceived';

interface FrameData {
  readonly gatewayId?: unknown;
  readonly payloads?: unknown;
  readonly readings?: unknown;
  readonly undecoded?: unknown;
  readonly receivedAt?: unknown;
}

export type StatusEvent =
  | GatewayEvent
  | { readonly type: typeof READINGS_REPORTED | typeof UNDECODED_PAYLOAD_RECEIVED; readonly data: FrameData };

/** How many payloads a frame kept undecoded and the last one's reason (the module's own code where it gave one). */
function undecodedOf(data: FrameData): { count: number; reason: string | null } {
  if (!Array.isArray(data.undecoded) || data.undecoded.length === 0) return { count: 0, reason: null };
  const last = data.undecoded[data.undecoded.length - 1] as { reason?: unknown; decoderReason?: unknown } | null;
  const reason =
    typeof last?.decoderReason === 'string'
      ? last.decoderReason
      : typeof last?.reason === 'string'
        ? last.reason
        : null;
  return { count: data.undecoded.length, reason };
}

/** Event times may arrive out of order across sessions; last seen only moves forward. */
function later(current: string | null, candidate: unknown): string | null {
  if (typeof candidate !== 'string' || Number.isNaN(Date.parse(candidate))) return current;
  if (current === null) return new Date(candidate).toISOString();
  return Date.parse(candidate) > Date.parse(current) ? new Date(candidate).toISOString() : current;
}

function withSessions(row: GatewayStatusRow, openSessions: number, at: string): GatewayStatusRow {
  return {
    ...row,
    openSessions,
    connection: openSessions > 0 ? 'online' : 'offline',
    lastSeenAt: later(row.lastSeenAt, at),
  };
}

function applyGatewayEvent(row: GatewayStatusRow | undefined, event: GatewayEvent): GatewayStatusRow | undefined {
  if (event.type === 'GatewayRegistered') {
    const d = event.data;
    return {
      id: d.gatewayId,
      name: d.name,
      networkType: d.networkType,
      address: d.address,
      description: d.description,
      lat: d.location.lat,
      lon: d.location.lon,
      locationLabel: d.location.label,
      ownerId: d.ownerId,
      lifecycle: 'registered',
      keyFingerprint: d.keyFingerprint,
      connection: 'offline',
      lastSeenAt: null,
      openSessions: 0,
      framesReceived: 0,
      readingsReceived: 0,
      payloadsUndecoded: 0,
      lastUndecodedReason: null,
      lastRefusalReason: null,
      lastRefusalDetail: null,
      lastRefusalAt: null,
      registeredAt: d.registeredAt,
      decommissionedAt: null,
    };
  }
  if (!row) return row;
  switch (event.type) {
    case 'GatewayDetailsChanged': {
      const d = event.data;
      return {
        ...row,
        name: d.name,
        description: d.description,
        lat: d.location.lat,
        lon: d.location.lon,
        locationLabel: d.location.label,
      };
    }
    case 'NetworkKeyRotated':
      return { ...row, keyFingerprint: event.data.keyFingerprint };
    case 'GatewayDecommissioned':
      return { ...row, lifecycle: 'decommissioned', decommissionedAt: event.data.at };
    case 'GatewayOwnerChanged':
      return { ...row, ownerId: event.data.ownerId };
    // What a former owner left is dropped elsewhere; the gateway's status is the current owner's.
    case 'OwnershipPeriodErased':
      return row;
    case 'LinkSessionOpened':
      return withSessions(row, row.openSessions + 1, event.data.at);
    case 'LinkSessionClosed':
      return withSessions(row, Math.max(0, row.openSessions - 1), event.data.at);
    case 'LinkConnectionRefused':
      return {
        ...row,
        lastRefusalReason: event.data.reason,
        lastRefusalDetail: event.data.detail,
        lastRefusalAt: event.data.at,
      };
    default:
      return event satisfies never;
  }
}

/** Pure fold of one event into a gateway's status row; undefined while the gateway is not registered. */
export function evolveStatus(row: GatewayStatusRow | undefined, event: StatusEvent): GatewayStatusRow | undefined {
  if (isGatewayEvent(event)) return applyGatewayEvent(row, event);
  if (!row) return row;
  // v2 frames count their canonical readings, v1 frames their native payloads.
  const data = event.data;
  const payloads = Array.isArray(data.readings)
    ? data.readings.length
    : Array.isArray(data.payloads)
      ? data.payloads.length
      : 0;
  const undecoded = undecodedOf(data);
  return {
    ...row,
    framesReceived: row.framesReceived + 1,
    readingsReceived: row.readingsReceived + payloads,
    payloadsUndecoded: row.payloadsUndecoded + undecoded.count,
    lastUndecodedReason: undecoded.reason ?? row.lastUndecodedReason,
    lastSeenAt: later(row.lastSeenAt, event.data.receivedAt),
  };
}

/** Which gateway an event is about; undefined for events this read model ignores. */
export function statusKeyOf(event: { readonly type: string; readonly data: unknown }): string | undefined {
  if (!isGatewayEvent(event) && event.type !== READINGS_REPORTED && event.type !== UNDECODED_PAYLOAD_RECEIVED)
    return undefined;
  const gatewayId = (event.data as { gatewayId?: unknown } | null)?.gatewayId;
  return typeof gatewayId === 'string' ? gatewayId : undefined;
}
