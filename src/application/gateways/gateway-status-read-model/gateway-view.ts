import type { GatewayStatusRow } from './gateway-status.row.js';

/** What the API shows for a gateway; never the key, only its fingerprint. */
export interface GatewayView {
  readonly id: string;
  readonly name: string;
  readonly networkType: string;
  readonly address: string;
  readonly description: string;
  readonly location: { readonly lat: number; readonly lon: number; readonly label: string };
  readonly ownerId: string;
  readonly lifecycle: 'registered' | 'decommissioned';
  readonly keyFingerprint: string;
  readonly connection: 'online' | 'offline';
  readonly lastSeenAt: string | null;
  readonly openSessions: number;
  readonly framesReceived: number;
  readonly readingsReceived: number;
  /** Payloads the server kept undecoded (a DSMR telegram with a bad CRC, an unknown device model, …). */
  readonly payloadsUndecoded: number;
  readonly lastUndecodedReason: string | null;
  readonly lastRefusal: { readonly reason: string; readonly detail: string; readonly at: string } | null;
  readonly registeredAt: string;
  readonly decommissionedAt: string | null;
}

export function toGatewayView(row: GatewayStatusRow): GatewayView {
  return {
    id: row.id,
    name: row.name,
    networkType: row.networkType,
    address: row.address,
    description: row.description,
    location: { lat: row.lat, lon: row.lon, label: row.locationLabel },
    ownerId: row.ownerId,
    lifecycle: row.lifecycle,
    keyFingerprint: row.keyFingerprint,
    connection: row.connection,
    lastSeenAt: row.lastSeenAt,
    openSessions: row.openSessions,
    framesReceived: row.framesReceived,
    readingsReceived: row.readingsReceived,
    payloadsUndecoded: row.payloadsUndecoded,
    lastUndecodedReason: row.lastUndecodedReason,
    lastRefusal:
      row.lastRefusalReason !== null && row.lastRefusalAt !== null
        ? { reason: row.lastRefusalReason, detail: row.lastRefusalDetail ?? '', at: row.lastRefusalAt }
        : null,
    registeredAt: row.registeredAt,
    decommissionedAt: row.decommissionedAt,
  };
}
