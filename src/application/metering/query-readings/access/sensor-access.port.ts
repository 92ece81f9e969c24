/** Who asks. Only the bootstrap admin exists today; the access context will add users and API clients. */
export interface ReadingsViewer {
  readonly actorId: string;
}

/**
 * What a viewer may read. Handlers narrow every query with it (SQL for the read models, in memory for the live
 * stream), so sensors outside it answer exactly like unknown ones.
 */
export type SensorScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'gateways'; readonly gatewayIds: readonly string[] }
  | { readonly kind: 'sensors'; readonly sensorIds: readonly string[] };

/** The hook for grants: resolved once per query, before any read-model row is read. */
export interface SensorAccessPolicy {
  scopeFor(viewer: ReadingsViewer): Promise<SensorScope>;
}

export const SENSOR_ACCESS_POLICY = Symbol('SensorAccessPolicy');

/** Until grants exist every authenticated caller is the admin, who sees everything. */
export const unrestrictedSensorAccess: SensorAccessPolicy = {
  scopeFor: () => Promise.resolve({ kind: 'all' }),
};
