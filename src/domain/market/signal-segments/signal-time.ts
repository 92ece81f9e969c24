import { Temporal } from 'temporal-polyfill';

/** The OpenADR 3.1.0 `duration` pattern, verbatim from components.schemas.duration. */
const OADR_DURATION =
  /^(-?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)([DW]))?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** "The beginning of time" (UG §7.3): `0001-01-01` or `0001-01-01T00:00:00`, with or without a zero offset. */
const BEGINNING_OF_TIME = /^0001-01-01(?:[Tt ]00:00(?::00(?:\.0+)?)?(?:[Zz]|[+-]00:?00)?)?$/;

/** RFC 3339 date-time with a required offset (components.schemas.dateTime, `format: date-time`). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** 0001-01-01T00:00:00Z (Date.UTC maps years 0–99 to 1900–1999, so the constant is written out). */
export const BEGINNING_OF_TIME_MS = -62_135_596_800_000;

const MS = { hour: 3_600_000, minute: 60_000, second: 1_000 } as const;

/**
 * A parsed ISO 8601 duration. Calendar parts (years, months, weeks, days) are added on the wall clock of a time
 * zone, so P1D is 23 h or 25 h on a DST day and P1M from 31 January ends on the last day of February. Time parts
 * (hours, minutes, seconds) are exact.
 */
export interface SignalDuration {
  readonly text: string;
  readonly negative: boolean;
  /** `P9999Y`: "infinity" (UG §7.3). */
  readonly infinite: boolean;
  /** True when the duration has a year, month, week or day part. */
  readonly calendar: boolean;
  /** The time parts in milliseconds (the whole duration when `calendar` is false). */
  readonly exactMs: number;
  readonly temporal: Temporal.Duration;
}

export function parseDuration(text: string): SignalDuration | null {
  const match = OADR_DURATION.exec(text);
  if (!match) return null;
  const [, sign, years, months, dayCount, , hours, minutes, seconds] = match;
  const negative = sign === '-';
  const infinite = !negative && years === '9999' && !months && !dayCount && !hours && !minutes && !seconds;
  let temporal: Temporal.Duration;
  try {
    temporal = Temporal.Duration.from(text);
  } catch {
    return null;
  }
  const calendar = Boolean(
    (years && Number(years) > 0) || (months && Number(months) > 0) || (dayCount && Number(dayCount) > 0),
  );
  const exactMs = Math.round(
    Number(hours ?? 0) * MS.hour + Number(minutes ?? 0) * MS.minute + Number(seconds ?? 0) * MS.second,
  );
  return { text, negative, infinite, calendar, exactMs: negative ? -exactMs : exactMs, temporal };
}

export function isBeginningOfTime(start: string): boolean {
  return BEGINNING_OF_TIME.test(start);
}

/** Epoch milliseconds of an RFC 3339 instant, BEGINNING_OF_TIME_MS for the beginning of time, null if unreadable. */
export function parseInstant(start: string): number | null {
  if (isBeginningOfTime(start)) return BEGINNING_OF_TIME_MS;
  if (!RFC3339.test(start)) return null;
  try {
    return Temporal.Instant.from(start.replace(' ', 'T')).epochMilliseconds;
  } catch {
    return null;
  }
}

/** Throws RangeError for a zone the time-zone database does not know. */
export function assertTimeZone(timeZone: string): void {
  Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
}

/**
 * `from + duration`, calendar parts on the wall clock of `timeZone` (RFC 5545 / Temporal semantics: date parts
 * first, then exact time; a wall-clock time that falls in a DST gap moves forward). Infinite → null.
 */
export function addDuration(fromMs: number, duration: SignalDuration, timeZone: string): number | null {
  if (duration.infinite) return null;
  if (!duration.calendar) return fromMs + duration.exactMs;
  return Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(timeZone).add(duration.temporal)
    .epochMilliseconds;
}

/** Wall-clock hour/minute/second of an instant in a zone; used to notice local-day boundaries. */
export function isLocalMidnight(ms: number, timeZone: string): boolean {
  const local = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return local.hour === 0 && local.minute === 0 && local.second === 0 && local.millisecond === 0;
}
