/**
 * ISO 8601 durations as OpenADR 3.1.0 writes them (`openadr3.yaml` `duration`): an optional minus, then years,
 * months, days or weeks, and a time part with hours, minutes and (decimal) seconds — `PT1H`, `P1D`, `-PT15M`,
 * `PT0.5S`, `P9999Y` (infinity). The spec's own pattern, so what it accepts is exactly what the schema says.
 */
const DURATION =
  /^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface ParsedDuration {
  readonly negative: boolean;
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** The parts of a duration, or undefined when the text is not one (the spec's pattern, and no part beyond 10^9). */
export function parseDuration(text: string): ParsedDuration | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const part = (i: number): number => (match[i] === undefined ? 0 : Number(match[i]));
  const parts = [part(2), part(3), part(4), part(6), part(7), part(8)];
  if (parts.some((n) => !Number.isFinite(n) || n > 1e9)) return undefined;
  return {
    negative: match[1] === '-',
    years: part(2),
    months: part(3),
    days: match[5] === 'W' ? part(4) * 7 : part(4),
    hours: part(6),
    minutes: part(7),
    seconds: part(8),
  };
}

/** OpenADR's "infinity" (`P9999Y`, User Guide 7.1). */
export const INFINITE_DURATION = 'P9999Y';
