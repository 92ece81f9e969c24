/** Tables of the access read model (read-model migration 7). */
export const GATEWAY_OWNERS_TABLE = 'access_gateway_owners';
export const GRANTS_TABLE = 'access_grants';
export const GRANT_OBJECTS_TABLE = 'access_grant_objects';
export const SENSOR_VISIBILITY_TABLE = 'sensor_visibility';
export const DATA_ACCESS_LOG_TABLE = 'data_access_log';

export type GrantObjectKind = 'gateway' | 'node' | 'sensor';

/** How a grantee is named in grant objects: the actor id of the principal that will ask. */
export function granteeKey(grantee: { readonly kind: 'user' | 'client'; readonly id: string }): string {
  return `${grantee.kind}:${grantee.id}`;
}
