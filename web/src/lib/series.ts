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

/** CSV of exactly the columns on screen (gaps as empty cells), times in ISO-8601 UTC. */
export function toCsv(
  columns: Columns & { readonly previous?: (number | null | undefined)[] | null },
  sensorId: string,
  unit: string,
  bucket: Bucket,
): string {
  const name =
    columns.kind === 'gauge'
      ? `avg_${unit},min_${unit},max_${unit}`
      : columns.kind === 'counter'
        ? `delta_${unit}`
        : `value_${unit}`;
  const head = `time,${name}${columns.previous ? `,previous_period_${unit}` : ''}`;
  const rows = columns.x.map((t, i) => {
    const cells = [new Date(t * 1000).toISOString(), columns.y[i] ?? ''];
    if (columns.kind === 'gauge') cells.push(columns.lo[i] ?? '', columns.hi[i] ?? '');
    if (columns.previous) cells.push(columns.previous[i] ?? '');
    return cells.join(',');
  });
  return `# sensor ${sensorId}, bucket ${bucket}\n${head}\n${rows.join('\n')}\n`;
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
