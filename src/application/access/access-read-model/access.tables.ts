import type { ReadModelMigration } from '../../projections/projection.js';

/** Tables of the access read model; `access_grants` names it. */
export const GATEWAY_OWNERS_TABLE = 'access_gateway_owners';
export const GRANTS_TABLE = 'access_grants';
export const GRANT_OBJECTS_TABLE = 'access_grant_objects';
export const SENSOR_VISIBILITY_TABLE = 'sensor_visibility';

export type GrantObjectKind = 'gateway' | 'node' | 'sensor';

/** The owner whose ownership periods bound a grant: its grantor's user id, or null for a grant given as an admin. */
export function boundOwnerOf(grant: { readonly grantor: string; readonly asAdmin?: boolean }): string | null {
  if (grant.asAdmin === true || !grant.grantor.startsWith('user:')) return null;
  return grant.grantor.slice('user:'.length);
}

/** How a grantee is named in grant objects: the actor id of the principal that will ask. */
export function granteeKey(grantee: { readonly kind: 'user' | 'client'; readonly id: string }): string {
  return `${grantee.kind}:${grantee.id}`;
}

// Part 1 of migration 8 (the data-access log holds part 2). Ownership is per gateway (nodes and sensors inherit it);
// grant objects hold one row per (grantee, object) so the readings queries can test access with index probes inside
// their own SQL.
const accessAuthorization = `
CREATE TABLE access_gateway_owners (
  gateway_id text PRIMARY KEY,
  owner_id text NOT NULL
);
CREATE INDEX access_gateway_owners_owner_idx ON access_gateway_owners (owner_id, gateway_id);
CREATE TABLE access_grants (
  grant_id text PRIMARY KEY,
  grantor text NOT NULL,
  grantee_kind text NOT NULL,
  grantee_id text NOT NULL,
  gateway_ids text[] NOT NULL,
  node_ids text[] NOT NULL,
  sensor_ids text[] NOT NULL,
  rights text[] NOT NULL,
  expires_at timestamptz,
  granted_at timestamptz NOT NULL,
  status text NOT NULL,
  ended_at timestamptz
);
CREATE INDEX access_grants_grantor_idx ON access_grants (grantor, grant_id);
CREATE INDEX access_grants_grantee_idx ON access_grants (grantee_kind, grantee_id, grant_id);
CREATE INDEX access_grants_expiry_idx ON access_grants (expires_at) WHERE status = 'active' AND expires_at IS NOT NULL;
CREATE TABLE access_grant_objects (
  grantee text NOT NULL,
  object_kind text NOT NULL,
  object_id text NOT NULL,
  grant_id text NOT NULL,
  can_read boolean NOT NULL,
  can_aggregate boolean NOT NULL,
  can_command boolean NOT NULL,
  expires_at timestamptz,
  PRIMARY KEY (grantee, object_kind, object_id, grant_id)
);
CREATE INDEX access_grant_objects_grant_idx ON access_grant_objects (grant_id);
CREATE TABLE sensor_visibility (
  sensor_id text PRIMARY KEY,
  gateway_id text NOT NULL,
  visibility text NOT NULL,
  changed_by text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX sensor_visibility_kind_idx ON sensor_visibility (visibility, sensor_id);
`;

// Grants end with their grantor's ownership (ADR 0024): each grant object names the owner whose periods bound what
// it reaches (null for an admin's grant), and an ended grant keeps why it ended. Grants recorded before grants said
// whether they were given as an admin are bound to their grantor, as the projection reads them on a rebuild.
const grantsBoundByOwnership = `
ALTER TABLE access_grant_objects ADD COLUMN bound_owner text;
UPDATE access_grant_objects o SET bound_owner = substr(g.grantor, 6)
  FROM access_grants g WHERE g.grant_id = o.grant_id AND g.grantor LIKE 'user:%';
ALTER TABLE access_grants ADD COLUMN end_reason text;
`;

// Part 2 of migration 48 (ADR 0030): a sensor's visibility is its current owner's choice; one made before the
// gateway's current period began was a former owner's and no longer counts, as the projection now folds it.
const visibilityOfTheOwnerOfTheMoment = `
DELETE FROM sensor_visibility v WHERE EXISTS (SELECT 1 FROM ownership_periods p
  WHERE p.gateway_id = v.gateway_id AND p.valid_to IS NULL AND v.changed_at < p.valid_from);
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const ACCESS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 8, name: 'access: ownership, grants, visibility, data-access log', sql: accessAuthorization, part: 1 },
  {
    version: 19,
    name: 'access: grants and the data-access log bounded by ownership',
    sql: grantsBoundByOwnership,
    part: 1,
  },
  {
    version: 48,
    name: 'access: erased ownership periods, visibility of the owner of the moment',
    sql: visibilityOfTheOwnerOfTheMoment,
    part: 2,
  },
];
