import type { ReadModelMigration } from '../../projections/projection.js';

/** Tables of the readings read model; `readings_latest` names it. */
export const READINGS_LATEST_TABLE = 'readings_latest';
export const READINGS_RAW_TABLE = 'readings_raw_chunks';
export const READINGS_BUCKETS_TABLE = 'readings_buckets';
/** Series JSON of one UTC day of 15m or 1h buckets, valid while the day's 1d bucket keeps the revision it carries. */
export const READINGS_DAY_JSON_TABLE = 'readings_day_json';

// Part 1 of migration 5 (the nodes read model holds part 2). Bucket starts are UTC and aligned to their width ('15m' |
// '1h' | '1d'). Power-like quantities fill sample_count/value_sum/value_min/value_max; counters (energyImported,
// energyExported, gasVolume) fill sample_count and delta, the consumption inside the bucket (never negative: a counter
// reset starts a new segment).
const readings = `
CREATE TABLE readings_latest (
  sensor_id text PRIMARY KEY,
  node_id text NOT NULL,
  gateway_id text NOT NULL,
  quantity text NOT NULL,
  unit text NOT NULL,
  value double precision NOT NULL,
  measured_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  phase text,
  tariff smallint,
  source jsonb NOT NULL
);
CREATE TABLE readings_raw (
  sensor_id text NOT NULL,
  measured_at timestamptz NOT NULL,
  value double precision NOT NULL,
  gateway_id text NOT NULL
);
CREATE INDEX readings_raw_sensor_time_idx ON readings_raw (sensor_id, measured_at);
-- A constraint, unlike a plain index, is copied onto a replay's shadow table before the load, so the projection's
-- neighbour look-ups for late readings stay index probes during a rebuild. It also stores a re-delivered reading once.
ALTER TABLE readings_raw ADD CONSTRAINT readings_raw_reading_key UNIQUE (sensor_id, measured_at, value);
CREATE TABLE readings_buckets (
  sensor_id text NOT NULL,
  bucket_width text NOT NULL,
  bucket_start timestamptz NOT NULL,
  quantity text NOT NULL,
  unit text NOT NULL,
  sample_count integer NOT NULL,
  value_sum double precision,
  value_min double precision,
  value_max double precision,
  delta double precision,
  PRIMARY KEY (sensor_id, bucket_width, bucket_start)
);
`;

// The unique key (sensor_id, measured_at, value) serves every (sensor_id, measured_at) look-up the plain index did;
// keeping both doubled the index work of each raw reading the projection stores.
const readingsRawOneIndex = `
DROP INDEX IF EXISTS readings_raw_sensor_time_idx;
`;

// A bucket row's revision is drawn from one sequence, not counted per row: a rebuild's shadow rows then never repeat a
// number the live rows had, so a day rendered from the old table and stored after the swap cannot pass for the new one.
// Rows from before this migration keep 0, which no later change of any row is given.
const seriesDayCache = `
CREATE SEQUENCE readings_bucket_revisions;
ALTER TABLE readings_buckets ADD COLUMN revision bigint NOT NULL DEFAULT 0;
ALTER TABLE readings_buckets ALTER COLUMN revision SET DEFAULT nextval('readings_bucket_revisions');
CREATE TABLE readings_day_json (
  sensor_id text NOT NULL,
  bucket_width text NOT NULL,
  day timestamptz NOT NULL,
  revision bigint NOT NULL,
  points text NOT NULL,
  PRIMARY KEY (sensor_id, bucket_width, day)
);
`;

/**
 * Raw readings move from one row per reading to one row per sensor, quarter hour, batch and gateway with the times
 * (epoch ms) and values as arrays (see raw-chunks.ts). Rows stored so far become one chunk per sensor, quarter hour
 * and gateway, tagged with negative batch numbers that the projection never writes.
 */
const readingsRawChunks = `
CREATE TABLE readings_raw_chunks (
  sensor_id text NOT NULL,
  bucket_start timestamptz NOT NULL,
  batch bigint NOT NULL,
  gateway_id text NOT NULL,
  measured_ms bigint[] NOT NULL,
  value double precision[] NOT NULL,
  CONSTRAINT readings_raw_chunks_key PRIMARY KEY (sensor_id, bucket_start, batch, gateway_id),
  CONSTRAINT readings_raw_chunks_aligned CHECK (cardinality(measured_ms) = cardinality(value) AND cardinality(value) > 0)
);
INSERT INTO readings_raw_chunks (sensor_id, bucket_start, batch, gateway_id, measured_ms, value)
SELECT sensor_id, bucket_start, -1, gateway_id,
       array_agg(ms ORDER BY ms, value), array_agg(value ORDER BY ms, value)
  FROM (SELECT sensor_id, gateway_id, value,
               floor(extract(epoch FROM measured_at) * 1000)::bigint AS ms,
               to_timestamp(floor(extract(epoch FROM measured_at) / 900) * 900) AS bucket_start
          FROM readings_raw) r
 GROUP BY sensor_id, bucket_start, gateway_id;
DROP TABLE readings_raw;
`;

/** Its tables' migrations; the versions are ids in `schema_migrations`, shipped and never renumbered. */
export const READINGS_MIGRATIONS: readonly ReadModelMigration[] = [
  { version: 5, name: 'readings', sql: readings, part: 1 },
  { version: 9, name: 'readings raw: the unique key is its only index', sql: readingsRawOneIndex },
  { version: 13, name: 'readings: bucket revisions, series JSON per day', sql: seriesDayCache },
  { version: 14, name: 'readings raw: chunks of a quarter hour per sensor and batch', sql: readingsRawChunks },
];
