import type { ReadModelMigration } from '../../projections/projection.js';

export const NOTIFICATION_CHANNELS_TABLE = 'notification_channels';
export const NOTIFICATION_PREFERENCES_TABLE = 'notification_preferences';
export const NOTIFICATION_QUIET_HOURS_TABLE = 'notification_quiet_hours';
export const NOTIFICATION_GATEWAY_OWNERS_TABLE = 'notification_gateway_owners';
export const NOTIFICATION_INBOX_TABLE = 'notification_inbox';
/** Not read-model tables: a rebuild never touches them, which is what keeps a replay from sending again. */
export const NOTIFICATION_DELIVERIES_TABLE = 'notification_deliveries';
export const NOTIFICATION_CHANNEL_HEALTH_TABLE = 'notification_channel_health';

const readModel = `
CREATE TABLE notification_channels (
  channel_id text PRIMARY KEY,
  owner_id text NOT NULL,
  kind text NOT NULL,
  address text NOT NULL,
  status text NOT NULL,
  verified boolean NOT NULL,
  secret_key_id text,
  secret_fingerprint text,
  previous_secret_key_id text,
  previous_valid_until timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX notification_channels_owner_idx ON notification_channels (owner_id, created_at);
CREATE TABLE notification_preferences (
  owner_id text NOT NULL,
  topic text NOT NULL,
  channel_id text NOT NULL,
  enabled boolean NOT NULL,
  PRIMARY KEY (owner_id, topic, channel_id)
);
CREATE TABLE notification_quiet_hours (
  owner_id text PRIMARY KEY,
  start_time text NOT NULL,
  end_time text NOT NULL,
  time_zone text NOT NULL
);
CREATE TABLE notification_gateway_owners (
  gateway_id text PRIMARY KEY,
  owner_id text NOT NULL
);
CREATE TABLE notification_inbox (
  notification_id text PRIMARY KEY,
  owner_id text NOT NULL,
  topic text NOT NULL,
  subject_event_id text NOT NULL,
  title text NOT NULL,
  text text NOT NULL,
  data jsonb NOT NULL,
  urgent boolean NOT NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notification_inbox_owner_idx ON notification_inbox (owner_id, created_at DESC, notification_id);
`;

const deliveries = `
CREATE TABLE notification_deliveries (
  topic text NOT NULL,
  subject_event_id text NOT NULL,
  channel_id text NOT NULL,
  delivery_id text NOT NULL UNIQUE,
  owner_id text NOT NULL,
  kind text NOT NULL,
  message jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz,
  PRIMARY KEY (topic, subject_event_id, channel_id)
);
CREATE INDEX notification_deliveries_due_idx ON notification_deliveries (next_attempt_at)
  WHERE status IN ('pending', 'sending');
CREATE TABLE notification_channel_health (
  channel_id text PRIMARY KEY,
  consecutive_failures integer NOT NULL,
  last_error text,
  updated_at timestamptz NOT NULL
);
`;

/** Its tables' migrations; the version is an id in `schema_migrations`, never renumbered once shipped. */
export const NOTIFICATIONS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 49, name: 'notifications: channels, preferences, quiet hours, inbox', sql: readModel },
  { version: 50, name: 'notifications: deliveries and channel health (never rebuilt)', sql: deliveries },
];
