/** Tables of the readings read model (migrations 5 and 13 of the read-model set). */
export const READINGS_LATEST_TABLE = 'readings_latest';
export const READINGS_RAW_TABLE = 'readings_raw_chunks';
export const READINGS_BUCKETS_TABLE = 'readings_buckets';
/** Series JSON of one UTC day of 15m or 1h buckets, valid while the day's 1d bucket keeps the revision it carries. */
export const READINGS_DAY_JSON_TABLE = 'readings_day_json';
export const NODES_TABLE = 'nodes';

/**
 * A timestamptz column as epoch milliseconds: pg and PGlite then hand back the same JS number (rather than a Date
 * in one and a string in the other), and sub-millisecond parts are dropped the same way everywhere.
 */
export function epochMs(column: string, alias = column): string {
  return `floor(extract(epoch FROM ${column}) * 1000)::float8 AS ${alias}`;
}

/**
 * A timestamptz column as ISO-8601 UTC text to the millisecond, formatted by the database: for long series this
 * saves a Date per row in Node, and pg and PGlite answer the same string.
 */
export function isoText(column: string, alias = column): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${alias}`;
}

export function isoFromEpochMs(value: unknown): string {
  return new Date(Number(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : isoFromEpochMs(value);
}

/** Appends `value` to `params` and answers its placeholder. */
export function bind(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}
