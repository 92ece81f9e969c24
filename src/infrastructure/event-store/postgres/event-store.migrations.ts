import type { MigrationSet } from '../../postgres/migrator.js';

export const EVENTS_CHANNEL = 'wattlog_events';

/*
 * Sequence values commit out of order, so readers never trust `position` alone: each row records the id of the
 * transaction that wrote it, and readers only return rows whose transaction is older than every transaction still
 * running (pg_snapshot_xmin). Rows are ordered by (transaction_id, position), which is the commit-safe total order.
 */
const createEvents = `
CREATE TABLE events (
  position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id bigint NOT NULL DEFAULT pg_current_xact_id()::text::bigint,
  stream text NOT NULL,
  revision bigint NOT NULL,
  id uuid NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_stream_revision_key UNIQUE (stream, revision),
  CONSTRAINT events_id_key UNIQUE (id)
);
CREATE INDEX events_commit_order_idx ON events (transaction_id, position);
CREATE INDEX events_type_commit_order_idx ON events (type, transaction_id, position);
`;

/*
 * One round trip per append. Raises WL001 (wrong expected revision, DETAIL = actual revision or -1)
 * and WL002 (event id already stored in another stream or at another revision).
 */
const createAppend = `
CREATE FUNCTION wattlog_append(p_stream text, p_expected text, p_events jsonb)
RETURNS TABLE (last_revision bigint, last_transaction_id text, last_position bigint)
LANGUAGE plpgsql AS $fn$
DECLARE
  v_current bigint;
  v_count integer := jsonb_array_length(p_events);
  v_first_id uuid := (p_events->0->>'id')::uuid;
  v_existing_stream text;
  v_existing_revision bigint;
  v_matching integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('wattlog:stream:' || p_stream, 0));
  SELECT max(e.revision) INTO v_current FROM events e WHERE e.stream = p_stream;

  SELECT e.stream, e.revision INTO v_existing_stream, v_existing_revision FROM events e WHERE e.id = v_first_id;
  IF FOUND THEN
    SELECT count(*) INTO v_matching
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(event, ord)
      JOIN events e ON e.id = (n.event->>'id')::uuid
     WHERE e.stream = p_stream AND e.revision = v_existing_revision + n.ord - 1;
    IF v_existing_stream = p_stream AND v_matching = v_count AND (
         p_expected = 'any'
      OR (p_expected = 'no_stream' AND v_existing_revision = 0)
      OR (p_expected NOT IN ('any', 'no_stream') AND v_existing_revision = p_expected::bigint + 1)) THEN
      RETURN QUERY SELECT e.revision, e.transaction_id::text, e.position FROM events e
        WHERE e.stream = p_stream AND e.revision = v_existing_revision + v_count - 1;
      RETURN;
    END IF;
    IF v_existing_stream <> p_stream OR v_matching <> v_count THEN
      RAISE EXCEPTION USING ERRCODE = 'WL002', MESSAGE = 'event id ' || v_first_id || ' is already stored';
    END IF;
  END IF;

  IF (p_expected = 'no_stream' AND v_current IS NOT NULL)
     OR (p_expected NOT IN ('any', 'no_stream') AND v_current IS DISTINCT FROM p_expected::bigint) THEN
    RAISE EXCEPTION USING ERRCODE = 'WL001', MESSAGE = 'wrong expected revision', DETAIL = coalesce(v_current, -1)::text;
  END IF;

  RETURN QUERY
  WITH inserted AS (
    INSERT INTO events (stream, revision, id, type, data, metadata)
    SELECT p_stream, coalesce(v_current, -1) + n.ord, (n.event->>'id')::uuid, n.event->>'type', n.event->'data',
           coalesce(n.event->'metadata', '{}'::jsonb)
      FROM jsonb_array_elements(p_events) WITH ORDINALITY AS n(event, ord)
    ORDER BY n.ord
    RETURNING events.revision, events.transaction_id, events.position)
  SELECT i.revision, i.transaction_id::text, i.position FROM inserted i ORDER BY i.revision DESC LIMIT 1;
  PERFORM pg_notify('${EVENTS_CHANNEL}', '');
END
$fn$;
`;

export const eventStoreMigrations: MigrationSet = {
  name: 'event-store',
  migrations: [
    { version: 1, name: 'events table', sql: createEvents },
    { version: 2, name: 'append function', sql: createAppend },
  ],
};
