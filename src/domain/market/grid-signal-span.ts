import { parseDuration, type ParsedDuration } from './openadr-duration.js';
import type { GridSignalContent } from './openadr-objects.js';

const BEGINNING_OF_TIME = /^0001-01-01/;
const FOREVER_YEARS = 9999;

function isForever(d: ParsedDuration): boolean {
  return !d.negative && d.years >= FOREVER_YEARS;
}

/** `start` plus `d`, calendar-aware in UTC (months at the start's date, as the User Guide asks). */
function plus(start: Date, d: ParsedDuration): Date {
  const sign = d.negative ? -1 : 1;
  const t = new Date(start.getTime());
  t.setUTCFullYear(
    t.getUTCFullYear() + sign * d.years,
    t.getUTCMonth() + sign * d.months,
    t.getUTCDate() + sign * d.days,
  );
  return new Date(t.getTime() + sign * ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

/**
 * When a grid signal stops mattering, for the `active` filter (which leaves out events that have transpired):
 * the end of its last interval, or of its `duration` when it sets one. Undefined when it has no end that can be
 * told without the time of reading ("do it now" starts, `P9999Y`, periods missing): such a signal counts as active.
 * Interval timing follows User Guide 7.1: an interval without its own start follows the one before.
 */
export function gridSignalEnd(content: GridSignalContent): string | undefined {
  const period = content.intervalPeriod;
  const startText = period?.start ?? content.intervals?.[0]?.intervalPeriod?.start;
  if (startText === undefined || BEGINNING_OF_TIME.test(startText)) return undefined;
  const start = new Date(startText);
  if (Number.isNaN(start.getTime())) return undefined;
  if (content.duration !== undefined) {
    const d = parseDuration(content.duration);
    return d === undefined || isForever(d) ? undefined : plus(start, d).toISOString();
  }
  const fallback = period?.duration !== undefined ? parseDuration(period.duration) : undefined;
  let cursor = start;
  let end: Date | undefined;
  for (const interval of content.intervals ?? []) {
    const own = interval.intervalPeriod;
    const from = own?.start !== undefined ? new Date(own.start) : cursor;
    const d = own?.duration !== undefined ? parseDuration(own.duration) : fallback;
    if (Number.isNaN(from.getTime()) || d === undefined || isForever(d)) return undefined;
    cursor = plus(from, d);
    if (end === undefined || cursor > end) end = cursor;
  }
  if (end === undefined) {
    if (fallback === undefined || isForever(fallback)) return undefined;
    end = plus(start, fallback);
  }
  return end.toISOString();
}
