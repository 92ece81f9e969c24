/**
 * Raw readings move from one row per reading to one row per sensor, quarter hour, batch and gateway with the times
 * (epoch ms) and values as arrays (see raw-chunks.ts). Rows stored so far become one chunk per sensor, quarter hour
 * and gateway, tagged with negative batch numbers that the projection never writes.
 */
export const readingsRawChunks = `
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
