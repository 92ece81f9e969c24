import type { SqlValue } from '../../ports/read-model-db.port.js';
import type { ProjectedReading } from './batch-readings.js';
import { bucketStartMs } from './reading-buckets.js';

/**
 * Raw readings are stored as chunks: one row per sensor, 15-minute bucket, batch and gateway, holding the chunk's
 * times and values as arrays in reading order. A catch-up batch then writes one row for the tens of readings a sensor
 * has in each quarter hour instead of one row and one index entry per reading, which is what bounded the projection.
 * A chunk never crosses a 15-minute boundary, so every look-up by time goes through the (sensor_id, bucket_start)
 * prefix of the key, the same buckets the aggregates use.
 */
export const RAW_CHUNK_COLUMNS = ['sensor_id', 'bucket_start', 'batch', 'gateway_id', 'measured_ms', 'value'] as const;

export interface RawChunk {
  readonly sensorId: string;
  readonly bucketStartMs: number;
  readonly gatewayId: string;
  readonly measuredMs: number[];
  readonly values: number[];
}

/** A JS number as Postgres' float8/bigint input reads it back to the same value (String never writes -0; Postgres equates it with 0). */
function arrayLiteral(numbers: readonly number[]): string {
  let text = '{';
  for (let i = 0; i < numbers.length; i++) text += i === 0 ? String(numbers[i]) : `,${String(numbers[i])}`;
  return `${text}}`;
}

/**
 * Cuts each sensor's ordered readings into chunks, one per quarter hour and gateway; readings keep their order inside
 * a chunk. Consecutive readings nearly always share both, so the map is only consulted when either changes.
 */
export function rawChunks(readings: Iterable<readonly ProjectedReading[]>): RawChunk[] {
  const chunks: RawChunk[] = [];
  const byKey = new Map<string, RawChunk>();
  for (const list of readings) {
    let current: RawChunk | undefined;
    for (const reading of list) {
      const start = bucketStartMs(reading.measuredMs, '15m');
      if (
        current?.bucketStartMs !== start ||
        current.sensorId !== reading.sensorId ||
        current.gatewayId !== reading.gatewayId
      ) {
        const key = `${reading.sensorId}\u0000${start}\u0000${reading.gatewayId}`;
        current = byKey.get(key);
        if (!current) {
          current = {
            sensorId: reading.sensorId,
            bucketStartMs: start,
            gatewayId: reading.gatewayId,
            measuredMs: [],
            values: [],
          };
          byKey.set(key, current);
          chunks.push(current);
        }
      }
      current.measuredMs.push(reading.measuredMs);
      current.values.push(reading.value);
    }
  }
  return chunks;
}

/** COPY rows of the chunks, tagged with the batch that wrote them (which keeps the key unique). */
export function rawChunkRows(chunks: readonly RawChunk[], batch: number): SqlValue[][] {
  return chunks.map((c) => [
    c.sensorId,
    new Date(c.bucketStartMs).toISOString(),
    batch,
    c.gatewayId,
    arrayLiteral(c.measuredMs),
    arrayLiteral(c.values),
  ]);
}

/**
 * FROM clause item: every raw reading of the chunks table as `c` (the chunk) and `u` (ms, value). Callers restrict
 * `c.sensor_id` and `c.bucket_start` to stay on the key, and select `u.ms::float8` so pg and PGlite answer a JS number.
 */
export function rawReadingsFrom(table: string): string {
  return `${table} c CROSS JOIN LATERAL unnest(c.measured_ms, c.value) AS u(ms, value)`;
}
