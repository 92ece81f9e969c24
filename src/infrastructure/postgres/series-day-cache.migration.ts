// A bucket row's revision is drawn from one sequence, not counted per row: a replay's shadow rows then never repeat a
// number the live rows had, so a day rendered from the old table and stored after the swap cannot pass for the new one.
// Rows from before this migration keep 0, which no later change of any row is given.
export const seriesDayCache = `
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
