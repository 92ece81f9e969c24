import type { Schemas } from '../api/client';
import type { Columns } from './series';

export type Dashboard = Schemas['DashboardDto'];
export type Tile = Schemas['TileDto'];
export type TimeRange = Schemas['TimeRangeDto'];
export type DashboardVersion = Schemas['DashboardVersionDto'];
export type TileKind = Tile['kind'];

export const TILE_KINDS: readonly { kind: TileKind; label: string }[] = [
  { kind: 'chart', label: 'Chart' },
  { kind: 'number', label: 'Number' },
  { kind: 'gauge', label: 'Gauge' },
  { kind: 'switch', label: 'Switch' },
  { kind: 'alarms', label: 'Alarm list' },
];

export const RELATIVE: readonly { last: NonNullable<TimeRange['last']>; label: string; ms: number }[] = [
  { last: '1h', label: 'Last hour', ms: 3_600_000 },
  { last: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { last: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { last: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { last: '1y', label: 'Last year', ms: 365 * 86_400_000 },
];

/** The instants a range covers, relative ones ending at `now`. */
export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  if (range.kind === 'absolute' && range.from && range.to)
    return { from: Date.parse(range.from), to: Date.parse(range.to) };
  const ms = RELATIVE.find((r) => r.last === range.last)?.ms ?? 86_400_000;
  return { from: now - ms, to: now };
}

export function rangeText(range: TimeRange): string {
  if (range.kind === 'relative') return RELATIVE.find((r) => r.last === range.last)?.label ?? `last ${range.last}`;
  const day = (iso?: string) => (iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '?');
  return `${day(range.from)} – ${day(range.to)}`;
}

/** The problem's detail (or first listed error) an API refusal carries, for a message the user can act on. */
export function problemText(problem: unknown, fallback: string): string {
  const p = problem as { detail?: string; errors?: { message?: string }[] } | undefined;
  return p?.errors?.[0]?.message ?? p?.detail ?? fallback;
}

/**
 * Several sensors' columns on one time axis: the first sensor's columns with every time any sensor has, and each
 * other sensor's line at those times (undefined where it has no point there, so its line passes; null for its gaps).
 */
export function joinColumns(list: readonly Columns[]): { first: Columns; more: (number | null | undefined)[][] } {
  const times = [...new Set(list.flatMap((c) => c.x))].sort((a, b) => a - b);
  const at = list.map((c) => new Map(c.x.map((t, i) => [t, i])));
  const pick = (k: number, t: number, column: 'y' | 'lo' | 'hi') => {
    const i = at[k]!.get(t);
    return i === undefined ? undefined : list[k]![column][i];
  };
  const first: Columns = {
    x: times,
    y: times.map((t) => pick(0, t, 'y') as number | null),
    lo: times.map((t) => pick(0, t, 'lo') as number | null),
    hi: times.map((t) => pick(0, t, 'hi') as number | null),
    kind: list.length > 1 ? 'raw' : (list[0]?.kind ?? 'raw'),
  };
  return { first, more: list.slice(1).map((_, j) => times.map((t) => pick(j + 1, t, 'y'))) };
}

/** Dashboards this tab created, which the list (a read model) may not show yet. */
const madeHere = new Set<string>();

export function rememberDashboard(dashboardId: string): void {
  madeHere.add(dashboardId);
}

/**
 * Whether to ask for a dashboard at all: one this tab made, or one the caller's list holds. Anything else is not the
 * caller's (or gone), and is shown as not found without a request the browser would log as a failed load.
 */
export function mayBeOwn(dashboardId: string, listed: readonly { dashboardId: string }[]): boolean {
  return madeHere.has(dashboardId) || listed.some((d) => d.dashboardId === dashboardId);
}
