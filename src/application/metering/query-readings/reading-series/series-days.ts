import type { TimeRange } from './series.sql.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** A range cut at UTC midnights; each part is null when empty. */
export interface DaySplit {
  /** Before the first whole day; the whole range when it holds no whole day. */
  readonly head: TimeRange | null;
  /** The whole UTC days, midnight to midnight (the 1d buckets' own edges). */
  readonly days: TimeRange | null;
  readonly tail: TimeRange | null;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function splitAtUtcDays(range: TimeRange): DaySplit {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const firstDay = Math.ceil(from / DAY_MS) * DAY_MS;
  const endOfDays = Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay >= endOfDays) return { head: from < to ? range : null, days: null, tail: null };
  return {
    head: from < firstDay ? { from: range.from, to: iso(firstDay) } : null,
    days: { from: iso(firstDay), to: iso(endOfDays) },
    tail: endOfDays < to ? { from: iso(endOfDays), to: range.to } : null,
  };
}

/** Whole days cut into runs of at most `perWindow` days. */
export function dayWindows(days: TimeRange, perWindow: number): TimeRange[] {
  const step = Math.max(1, Math.floor(perWindow)) * DAY_MS;
  const end = Date.parse(days.to);
  const windows: TimeRange[] = [];
  for (let start = Date.parse(days.from); start < end; start += step)
    windows.push({ from: iso(start), to: iso(Math.min(start + step, end)) });
  return windows;
}
