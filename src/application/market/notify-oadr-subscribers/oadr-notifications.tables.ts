import type { ReadModelMigration } from '../../projections/projection.js';

/** The subscriptions as the notification process has folded them up to its checkpoint. */
export const OADR_NOTIFICATION_SUBSCRIPTIONS_TABLE = 'oadr_notification_subscriptions';
/** The last notified form of every live object, for UPDATE (created time) and DELETE (the object as it was). */
export const OADR_NOTIFICATION_OBJECTS_TABLE = 'oadr_notification_objects';
/** One row per (subscription, log event, callback): what to send, and how sending went. */
export const OADR_NOTIFICATION_DELIVERIES_TABLE = 'oadr_notification_deliveries';

// A log process's state, not a read model: rebuilds never touch these tables. The deliveries' primary key is what
// makes a replayed or re-decided batch a no-op (ON CONFLICT DO NOTHING), so a change is queued once per callback.
const notifications = `
CREATE TABLE oadr_notification_subscriptions (
  subscription_id text PRIMARY KEY,
  provider_id text NOT NULL,
  content jsonb NOT NULL
);
CREATE INDEX oadr_notification_subscriptions_provider_idx ON oadr_notification_subscriptions (provider_id);
CREATE TABLE oadr_notification_objects (
  object_type text NOT NULL,
  object_id text NOT NULL,
  provider_id text NOT NULL,
  program_id text,
  targets text[] NOT NULL,
  created_at text NOT NULL,
  object jsonb NOT NULL,
  PRIMARY KEY (object_type, object_id)
);
CREATE INDEX oadr_notification_objects_program_idx ON oadr_notification_objects (object_type, program_id);
CREATE TABLE oadr_notification_deliveries (
  delivery_id bigserial UNIQUE,
  subscription_id text NOT NULL,
  source_position text NOT NULL,
  callback_url text NOT NULL,
  source_event_id text NOT NULL,
  source_recorded_at timestamptz NOT NULL,
  provider_id text NOT NULL,
  object_type text NOT NULL,
  object_id text NOT NULL,
  operation text NOT NULL,
  bearer_token_fingerprint text,
  body jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending',
  attempts integer NOT NULL DEFAULT 0,
  due_at timestamptz NOT NULL,
  last_attempt_at timestamptz,
  last_error text,
  delivered_at timestamptz,
  PRIMARY KEY (subscription_id, source_position, callback_url)
);
CREATE INDEX oadr_notification_deliveries_pending_idx ON oadr_notification_deliveries (subscription_id, callback_url, delivery_id)
  WHERE status = 'pending';
`;

// Vens, resources and reports are named by their enrollment in the log events that pause, resume or end it. One
// log event may change several objects for the same callback (an enrollment creates a ven and its resources, a
// withdrawn program deletes its events): each is a delivery of its own.
const enrollmentObjects = `
ALTER TABLE oadr_notification_deliveries DROP CONSTRAINT oadr_notification_deliveries_pkey,
  ADD PRIMARY KEY (subscription_id, source_position, callback_url, object_type, object_id);
ALTER TABLE oadr_notification_objects ADD COLUMN enrollment_id text;
CREATE INDEX oadr_notification_objects_enrollment_idx ON oadr_notification_objects (object_type, enrollment_id)
  WHERE enrollment_id IS NOT NULL;
`;

/** Versions are ids in `schema_migrations`: never renumber a shipped one. */
export const OADR_NOTIFICATIONS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 44, name: 'market: OpenADR notification process and deliveries', sql: notifications },
  { version: 51, name: 'market: OpenADR notifications of vens, resources and reports', sql: enrollmentObjects },
];
