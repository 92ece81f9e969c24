import { Temporal } from 'temporal-polyfill';

/** Quiet hours as stored: wall-clock `HH:MM` in an IANA zone; `start` after `end` crosses midnight. */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** What is wrong with quiet hours as given, or nothing. */
export function quietHoursProblems(quiet: QuietHours): string[] {
  const problems: string[] = [];
  if (!CLOCK_TIME.test(quiet.start)) problems.push('start must be a time HH:MM');
  if (!CLOCK_TIME.test(quiet.end)) problems.push('end must be a time HH:MM');
  if (quiet.start === quiet.end) problems.push('start and end must differ');
  try {
    Temporal.Now.instant().toZonedDateTimeISO(quiet.timeZone);
  } catch {
    problems.push(`unknown time zone ${JSON.stringify(quiet.timeZone)}`);
  }
  return problems;
}

const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * When the quiet hours around `instant` end, or null when `instant` is outside them. Judged on the owner's wall
 * clock, so a window keeps its local times across daylight-saving changes; an end that falls in a skipped hour is
 * the first instant after the gap (Temporal's `compatible` disambiguation).
 */
export function quietHoursEnd(quiet: QuietHours, instant: Date): Date | null {
  const local = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(quiet.timeZone);
  const now = local.hour * 60 + local.minute;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  const crossesMidnight = start > end;
  const inside = crossesMidnight ? now >= start || now < end : now >= start && now < end;
  if (!inside) return null;
  const endDay = crossesMidnight && now >= start ? local.toPlainDate().add({ days: 1 }) : local.toPlainDate();
  const endTime = Temporal.PlainTime.from(quiet.end);
  const ends = endDay.toZonedDateTime({ timeZone: quiet.timeZone, plainTime: endTime });
  return new Date(ends.epochMilliseconds);
}
