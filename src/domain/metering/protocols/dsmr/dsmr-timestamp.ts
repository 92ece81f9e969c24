/**
 * DSMR time stamps are `YYMMDDhhmmssX`: local time in the Netherlands or Belgium (both CET/CEST), X = W for winter
 * time (UTC+01:00) or S for summer time (UTC+02:00). Meters before DSMR 4 omit X; their local time is resolved with
 * the EU rule (summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC).
 */
const TIMESTAMP = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([WS])?$/;
const HOUR_MS = 3_600_000;

function lastSundayAtOneUtc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** True when the instant falls in EU summer time. */
export function isEuSummerTime(epochMs: number): boolean {
  const year = new Date(epochMs).getUTCFullYear();
  return epochMs >= lastSundayAtOneUtc(year, 2) && epochMs < lastSundayAtOneUtc(year, 9);
}

/**
 * A wall-clock time without W/S. In the October hour that occurs twice the summer-time reading (the earlier instant)
 * is chosen; a time in the skipped March hour is read as winter time. Either way the answer never depends on a clock.
 */
function localWithoutMarker(wallClockAsUtc: number): number {
  const asSummer = wallClockAsUtc - 2 * HOUR_MS;
  return isEuSummerTime(asSummer) ? asSummer : wallClockAsUtc - HOUR_MS;
}

/** ISO-8601 UTC, or undefined when the text is not a valid DSMR time stamp (e.g. the `632525252525W` placeholder). */
export function parseDsmrTimestamp(text: string): string | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [yy, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const year = 2000 + yy;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  // Date.UTC rolls 31 February into March; a real meter never writes such a date.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const marker = match[7];
  const epochMs =
    marker === 'W' ? wallClock - HOUR_MS : marker === 'S' ? wallClock - 2 * HOUR_MS : localWithoutMarker(wallClock);
  return new Date(epochMs).toISOString();
}
