import type { Principal } from '../../../domain/access/principal.js';
import type { ResolvedSensorScope } from '../sensor-scope/live-scope.js';
import type { AccessRight, SensorScope } from '../sensor-scope/sensor-access.port.js';

export type { AccessRight };

/** The gateways a principal may see as an owner or admin (status, nodes, configuration). */
export type GatewayScope = { readonly kind: 'all' } | { readonly kind: 'some'; readonly gatewayIds: readonly string[] };

/**
 * The one policy every command and query handler asks — never the controllers alone. Objects the principal may not
 * see are reported as not found (no existence oracle); admin-only operations by a non-admin are forbidden.
 */
export interface AccessPolicy {
  /** Sensors the principal may use with `right`; handlers narrow their SQL or live feed with it. */
  sensorScope(principal: Principal, right: AccessRight): Promise<SensorScope>;
  /**
   * The same scope resolved into memory, for feeds that filter readings without a query (the live stream);
   * `sensorIds` bounds what is loaded. Callers re-resolve it periodically so revokes reach open feeds.
   */
  resolveSensorScope(
    principal: Principal,
    right: AccessRight,
    sensorIds: readonly string[],
  ): Promise<ResolvedSensorScope>;
  /** Gateways the principal owns (all for admins). */
  gatewayScope(principal: Principal): Promise<GatewayScope>;
  /**
   * Throws ObjectNotVisibleError unless the principal holds `right` on that sensor (as owner, admin or grantee) at
   * `at`: the time of what is asked about (a command's request), the request time when absent.
   */
  assertSensorRight(principal: Principal, sensorId: string, right: AccessRight, at?: string): Promise<void>;
  /** Throws ObjectNotVisibleError unless the principal owns the gateway (now, or at `at`) or is an admin. */
  assertGatewayOwner(principal: Principal, gatewayId: string, at?: string): Promise<void>;
  /** Throws AdminRequiredError (or NotAuthenticatedError for anonymous) unless the principal is an admin. */
  assertAdmin(principal: Principal, operation?: string): void;
}

export const ACCESS_POLICY = Symbol('AccessPolicy');
