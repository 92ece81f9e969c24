import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
const count = (list: unknown): number => (Array.isArray(list) ? list.length : 0);
const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));

/** Audit-trail lines for the access context: who gave whom what, and who changed visibility or ownership. */
export const accessSummaries: Readonly<Record<string, Summarizer>> = {
  AccessGranted: (data) => {
    const grantee = (data.grantee ?? {}) as { kind?: unknown; id?: unknown };
    const scope = (data.scope ?? {}) as { gatewayIds?: unknown; nodeIds?: unknown; sensorIds?: unknown };
    const rights = Array.isArray(data.rights) ? data.rights.map(text).join('+') : '';
    const expiry = typeof data.expiresAt === 'string' ? ` until ${data.expiresAt}` : '';
    return `${text(data.grantor)} gave ${text(grantee.kind)}:${text(grantee.id)} ${rights} on ${count(scope.gatewayIds)} gateways, ${count(scope.nodeIds)} nodes, ${count(scope.sensorIds)} sensors${expiry}`;
  },
  AccessRevoked: (data) => `grant ${text(data.grantId)} revoked by ${text(data.revokedBy)}`,
  AccessExpired: (data) => `grant ${text(data.grantId)} expired at ${text(data.expiresAt)}`,
  SensorVisibilityChanged: (data) =>
    `sensor ${text(data.sensorId)}: ${text(data.previous)} → ${text(data.visibility)} by ${text(data.changedBy)}`,
  GatewayOwnerChanged: (data) =>
    `gateway ${text(data.gatewayId)} handed from ${text(data.previousOwnerId)} to ${text(data.ownerId)}`,
  OwnershipPeriodErased: (data) =>
    `gateway ${text(data.gatewayId)}: period of ${text(data.ownerId)} ${data.from === null ? 'from the start' : `from ${text(data.from)}`} to ${text(data.to)} erased (${text(data.reason)})`,
  DataAccessed: (data) =>
    `${count(data.entries)} principal/sensor reads between ${text(data.from)} and ${text(data.to)}`,
};
