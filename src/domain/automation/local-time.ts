import { Temporal } from 'temporal-polyfill';
import type { Span } from './intervals.js';
import { WEEKDAYS, type LocalWindow, type Weekday } from './rule-spec.js';

function plainTime(hhmm: string): Temporal.PlainTime {
  return Temporal.PlainTime.from(hhmm);
}

function instantAt(date: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string): number {
  // A wall-clock time inside a DST gap moves forward, one that occurs twice takes its first occurrence.
  return date.toZonedDateTime({ timeZone, plainTime: time }).epochMilliseconds;
}

export function localDateOf(ms: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone).toPlainDate();
}

export function weekdayOf(date: Temporal.PlainDate): Weekday {
  return WEEKDAYS[date.dayOfWeek - 1]!;
}

/** The local dates whose windows may touch `span`: one day either side, since a window may cross midnight. */
function datesAround(span: Span, timeZone: string): Temporal.PlainDate[] {
  const first = localDateOf(span.from, timeZone).subtract({ days: 1 });
  const last = localDateOf(span.to, timeZone);
  const dates: Temporal.PlainDate[] = [];
  for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) dates.push(d);
  return dates;
}

/**
 * The instants a local window covers around `span`, each occurrence on the day it starts (its `days` are the start's
 * weekday): `22:00–06:00` on Friday runs into Saturday morning; `from` equal to `to` is the whole day. Computed on the
 * wall clock of the zone, so 18:00–20:00 is two hours on both DST days.
 */
export function windowSpans(window: LocalWindow, span: Span, timeZone: string): Span[] {
  const from = plainTime(window.from);
  const to = plainTime(window.to);
  const crosses = Temporal.PlainTime.compare(to, from) <= 0;
  const out: Span[] = [];
  for (const date of datesAround(span, timeZone)) {
    if (window.days && !window.days.includes(weekdayOf(date))) continue;
    const start = instantAt(date, from, timeZone);
    const end = instantAt(crosses ? date.add({ days: 1 }) : date, to, timeZone);
    if (end > span.from && start < span.to) out.push({ from: start, to: end });
  }
  return out;
}

/** Each local occurrence of `HH:mm` within `span`. */
export function timesOfDay(hhmm: string, span: Span, timeZone: string): number[] {
  const time = plainTime(hhmm);
  return datesAround(span, timeZone)
    .map((date) => instantAt(date, time, timeZone))
    .filter((ms) => ms >= span.from && ms < span.to);
}

/** `YYYY-MM-DD` of the local day an instant falls in: the key of per-day caps. */
export function localDayKey(ms: number, timeZone: string): string {
  return localDateOf(ms, timeZone).toString();
}
