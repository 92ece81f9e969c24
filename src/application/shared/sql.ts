/** SQL text helpers shared by every read model: one spelling of time columns and parameters for pg and PGlite. */

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
