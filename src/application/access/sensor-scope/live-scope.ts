/**
 * A sensor scope resolved into memory for readings that never pass through a read model (the live stream). Grant
 * entries keep their expiry, so a grant stops admitting at its time even between two refreshes.
 */
export type ResolvedSensorScope =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'some';
      readonly ownedGateways: ReadonlySet<string>;
      /** `gateway:<id>` | `node:<id>` | `sensor:<id>` → expiry in epoch ms (Infinity when none). */
      readonly granted: ReadonlyMap<string, number>;
      /** Private sensors among those asked for: grants do not reach them. */
      readonly privateSensors: ReadonlySet<string>;
      /** The owner of each gateway the scope reaches, as the read models knew it when the scope was resolved. */
      readonly ownersNow?: ReadonlyMap<string, string>;
    };

export interface ScopedReading {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
}

function grantedAt(scope: Extract<ResolvedSensorScope, { kind: 'some' }>, key: string, nowMs: number): boolean {
  const expires = scope.granted.get(key);
  return expires !== undefined && nowMs < expires;
}

/**
 * `ownerSeen`: the gateway's owner as the log has handed it over since (the live feed reads handovers in log order
 * with the readings). When it differs from the owner the scope was resolved with, the scope is stale for that
 * gateway — the owner's and the grants' reach ended at the handover (ADR 0024) — and admits nothing of it until the
 * next refresh reads the new ownership.
 */
export function resolvedScopeAdmits(
  scope: ResolvedSensorScope,
  reading: ScopedReading,
  nowMs: number,
  ownerSeen?: string,
): boolean {
  if (scope.kind === 'all') return true;
  if (ownerSeen !== undefined && scope.ownersNow?.get(reading.gatewayId) !== ownerSeen) return false;
  if (scope.ownedGateways.has(reading.gatewayId)) return true;
  if (scope.privateSensors.has(reading.sensorId)) return false;
  return (
    grantedAt(scope, `sensor:${reading.sensorId}`, nowMs) ||
    grantedAt(scope, `node:${reading.nodeId}`, nowMs) ||
    grantedAt(scope, `gateway:${reading.gatewayId}`, nowMs)
  );
}
