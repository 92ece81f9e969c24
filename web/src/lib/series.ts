import type { components } from '../api/schema.js';

export type Bucket = '15m' | '1h' | '1d' | 'raw';
export type SeriesDto = components['schemas']['SensorSeriesDto'];

const BUCKET_MS: Record<Exclude<Bucket, 'raw'>, number> = { '15m': 900_000, '1h': 3_600_000, '1d': 86_400_000 };

/**
 * The finest bucket that keeps at most two points per pixel of the chart (Grafana's rule): short ranges read raw
 * points, a year at 1200 px reads days. `force15m` lets a user ask for 15 minutes over any range.
 */
export function chooseBucket(rangeMs: number, widthPx: number, force15m = false): Bucket {
  if (force15m) return '15m';
  if (rangeMs <= 6 * 3_600_000) return 'raw';
  const budget = Math.max(1, 2 * widthPx);
  for (const bucket of ['15m', '1h', '1d'] as const) if (rangeMs / BUCKET_MS[bucket] <= budget) return bucket;
  return '1d';
}

/** Columns for the chart and the CSV: seconds, then line, band low, band high (null where there is no data). */
export interface Columns {
  readonly x: number[];
  readonly y: (number | null)[];
  readonly lo: (number | null)[];
  readonly hi: (number | null)[];
  readonly kind: 'gauge' | 'counter' | 'raw';
}

/**
 * Turns the API's points into columns, inserting a null wherever data is missing so the chart draws a gap, never a
 * line across the hole (or a zero). Buckets: a missing bucket is a gap. Raw points: a pause of more than five times
 * the usual spacing is a gap.
 */
export function toColumns(series: SeriesDto, bucket: Bucket): Columns {
  const x: number[] = [];
  const y: (number | null)[] = [];
  const lo: (number | null)[] = [];
  const hi: (number | null)[] = [];
  const kind = bucket === 'raw' ? 'raw' : series.kind;
  const times = series.points.map((p) => Date.parse(p.t));
  let step = bucket === 'raw' ? 0 : BUCKET_MS[bucket];
  if (bucket === 'raw' && times.length > 2) {
    const spacing = times
      .slice(1)
      .map((t, i) => t - times[i]!)
      .sort((a, b) => a - b);
    step = spacing[Math.floor(spacing.length / 2)]!;
  }
  series.points.forEach((point, i) => {
    const t = times[i]!;
    const previous = i > 0 ? times[i - 1]! : null;
    if (previous !== null && step > 0 && t - previous > (bucket === 'raw' ? 5 * step : 1.5 * step)) {
      x.push(Math.round((previous + step) / 1000));
      y.push(null);
      lo.push(null);
      hi.push(null);
    }
    x.push(Math.round(t / 1000));
    if ('avg' in point) {
      y.push(point.avg);
      lo.push(point.min);
      hi.push(point.max);
    } else if ('delta' in point) {
      y.push(point.delta);
      lo.push(null);
      hi.push(null);
    } else {
      y.push(point.value);
      lo.push(null);
      hi.push(null);
    }
  });
  return { x, y, lo, hi, kind };
}

/**
 * CSV of exactly the columns on screen (gaps as empty cells), times in ISO-8601 UTC and, given the user's time zone,
 * also as the wall-clock time shown on the page (with its offset, so DST days read right).
 */
export function toCsv(
  columns: Columns & { readonly previous?: (number | null | undefined)[] | null },
  sensorId: string,
  unit: string,
  bucket: Bucket,
  timeZone?: string,
): string {
  const name =
    columns.kind === 'gauge'
      ? `avg_${unit},min_${unit},max_${unit}`
      : columns.kind === 'counter'
        ? `delta_${unit}`
        : `value_${unit}`;
  const head = `time,${timeZone ? 'local_time,' : ''}${name}${columns.previous ? `,previous_period_${unit}` : ''}`;
  const rows = columns.x.map((t, i) => {
    const cells: (string | number)[] = [new Date(t * 1000).toISOString()];
    if (timeZone) cells.push(localIso(t, timeZone));
    cells.push(columns.y[i] ?? '');
    if (columns.kind === 'gauge') cells.push(columns.lo[i] ?? '', columns.hi[i] ?? '');
    if (columns.previous) cells.push(columns.previous[i] ?? '');
    return cells.join(',');
  });
  return `# sensor ${sensorId}, bucket ${bucket}${timeZone ? `, time zone ${timeZone}` : ''}\n${head}\n${rows.join('\n')}\n`;
}

export function summary(columns: Columns): {
  min: number | null;
  max: number | null;
  avg: number | null;
  points: number;
} {
  const values = columns.y.filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return { min: null, max: null, avg: null, points: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
  }
  return { min, max, avg: sum / values.length, points: values.length };
}

/** A relative range like `-1d`, `-6h`, `-2w`, `-30m`, `-1y`: its length in ms, or null when it is not one. */
export function parseRelative(text: string): number | null {
  const match = /^\s*-\s*(\d{1,4})\s*(m|h|d|w|y)\s*$/i.exec(text);
  if (!match) return null;
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, y: 365 * 86_400_000 }[
    match[2]!.toLowerCase() as 'm' | 'h' | 'd' | 'w' | 'y'
  ];
  const ms = Number(match[1]) * unit;
  return ms > 0 ? ms : null;
}

/** The series with the previous period laid over it (its times moved forward by `shiftSeconds`), joined on time. */
export interface Compared extends Columns {
  /** undefined where the previous period has no point at that time (drawn across), null where it had a gap. */
  readonly previous: (number | null | undefined)[] | null;
}

export function compareWith(current: Columns, previous: Columns | null, shiftSeconds: number): Compared {
  if (!previous) return { ...current, previous: null };
  const x: number[] = [];
  const y: (number | null)[] = [];
  const lo: (number | null)[] = [];
  const hi: (number | null)[] = [];
  const prev: (number | null | undefined)[] = [];
  let i = 0;
  let j = 0;
  while (i < current.x.length || j < previous.x.length) {
    const a = current.x[i];
    const b = previous.x[j] === undefined ? undefined : previous.x[j]! + shiftSeconds;
    if (b === undefined || (a !== undefined && a < b)) {
      x.push(a!);
      y.push(current.y[i]!);
      lo.push(current.lo[i]!);
      hi.push(current.hi[i]!);
      prev.push(undefined);
      i += 1;
    } else {
      x.push(b);
      const same = a === b;
      // Only the previous period has a point here: undefined lets the current line pass (null would cut it).
      y.push(same ? current.y[i]! : (undefined as unknown as null));
      lo.push(same ? current.lo[i]! : (undefined as unknown as null));
      hi.push(same ? current.hi[i]! : (undefined as unknown as null));
      prev.push(previous.y[j]!);
      if (same) i += 1;
      j += 1;
    }
  }
  return { x, y, lo, hi, kind: current.kind, previous: prev };
}

type GaugePoint = components['schemas']['GaugeBucketPointDto'];
type CounterPoint = components['schemas']['CounterBucketPointDto'];

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in `timeZone`, read as if it were UTC (so the difference is the zone's offset). */
function wallClockAsUtc(ms: number, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
}

/** The instant the local day holding `ms` begins in `timeZone` (a DST day is 23 or 25 hours long). */
export function localMidnight(ms: number, timeZone: string): number {
  const wall = wallClockAsUtc(ms, timeZone);
  const day = wall - (((wall % 86_400_000) + 86_400_000) % 86_400_000);
  let guess = day - (wall - Math.floor(ms / 1000) * 1000);
  // The offset at midnight may differ from the offset at `ms` (the day of a DST change): settle it.
  for (let i = 0; i < 2; i += 1) guess = day - (wallClockAsUtc(guess, timeZone) - guess);
  return guess;
}

/** The browser's time zone, the one every time on the page is shown in. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Hourly buckets folded into the user's calendar days (the server's day buckets are UTC days): a day's average
 * weighs each hour by its samples, its band spans the hours' extremes, a counter's energy is the hours' sum. A day
 * without any hour of data is left out, so it is drawn as a gap.
 */
export function toLocalDays(hourly: SeriesDto, timeZone: string): SeriesDto {
  const days = new Map<number, (GaugePoint | CounterPoint)[]>();
  for (const point of hourly.points) {
    if (!('count' in point)) continue;
    const day = localMidnight(Date.parse(point.t), timeZone);
    const list = days.get(day) ?? [];
    list.push(point);
    days.set(day, list);
  }
  const points = [...days.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([day, hours]): (GaugePoint | CounterPoint)[] => {
      const t = new Date(day).toISOString();
      const count = hours.reduce((sum, h) => sum + h.count, 0);
      if (hourly.kind === 'counter') {
        const deltas = hours.map((h) => ('delta' in h ? h.delta : null)).filter((d): d is number => d !== null);
        return [{ t, count, delta: deltas.length > 0 ? deltas.reduce((a, b) => a + b, 0) : null }];
      }
      const gauges = hours.filter((h): h is GaugePoint => 'avg' in h && h.avg !== null);
      if (gauges.length === 0) return [];
      const weight = gauges.reduce((sum, h) => sum + Math.max(1, h.count), 0);
      return [
        {
          t,
          count,
          avg: gauges.reduce((sum, h) => sum + h.avg! * Math.max(1, h.count), 0) / weight,
          min: Math.min(...gauges.map((h) => h.min ?? h.avg!)),
          max: Math.max(...gauges.map((h) => h.max ?? h.avg!)),
        },
      ];
    });
  return { ...hourly, points };
}

/** `2025-03-30T00:00:00+01:00`: an instant as the user's wall clock, with the offset in force then. */
export function localIso(seconds: number, timeZone: string): string {
  const ms = seconds * 1000;
  const offset = Math.round((wallClockAsUtc(ms, timeZone) - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${new Date(ms + offset * 60_000).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}
