/** Read-model migration 7: users, API clients, their credentials and login sessions. */
export const accessIdentities = `
CREATE TABLE users (
  user_id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  disabled_at timestamptz,
  disabled_reason text
);
CREATE TABLE api_clients (
  client_id text PRIMARY KEY,
  organisation text NOT NULL,
  name text NOT NULL,
  secret_fingerprint text NOT NULL,
  registered_at timestamptz NOT NULL,
  secret_rotated_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX api_clients_organisation_idx ON api_clients (organisation, client_id);
CREATE TABLE user_credentials (
  user_id text PRIMARY KEY,
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE api_client_secrets (
  client_id text NOT NULL,
  secret_fingerprint text NOT NULL,
  secret_verifier bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, secret_fingerprint)
);
CREATE TABLE auth_sessions (
  session_id text PRIMARY KEY,
  user_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ended_reason text
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id) WHERE ended_at IS NULL;
CREATE TABLE auth_refresh_tokens (
  token_hash bytea PRIMARY KEY,
  session_id text NOT NULL REFERENCES auth_sessions (session_id) ON DELETE CASCADE,
  issued_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX auth_refresh_tokens_session_idx ON auth_refresh_tokens (session_id);
`;

// Access read models. Ownership is per gateway (nodes and sensors inherit it); grant objects hold one row per
// (grantee, object) so the readings queries can test access with index probes inside their own SQL.
/** Read-model migration 8: ownership, grants, sensor visibility and the data-access log. */
export const accessAuthorization = `
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
CREATE TABLE data_access_log (
  actor_id text NOT NULL,
  sensor_id text NOT NULL,
  gateway_id text NOT NULL,
  first_at timestamptz NOT NULL,
  last_at timestamptz NOT NULL,
  requests bigint NOT NULL,
  rows_returned bigint NOT NULL,
  PRIMARY KEY (actor_id, sensor_id)
);
CREATE INDEX data_access_log_gateway_idx ON data_access_log (gateway_id, last_at);
`;

// The unique key (sensor_id, measured_at, value) serves every (sensor_id, measured_at) look-up the plain index did;
// keeping both doubled the index work of each raw reading the projection stores.
