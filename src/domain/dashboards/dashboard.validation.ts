import { RELATIVE_RANGES, TILE_KINDS, type TileSpec, type TimeRange } from './dashboard.events.js';

/** Limits shared by the decider and the transports, so both report the same rule. */
export const DASHBOARD_LIMITS = {
  idPattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
  nameMax: 80,
  titleMax: 80,
  tilesMax: 24,
  seriesPerTileMax: 8,
  sensorIdMax: 500,
  /** An absolute range longer than this is refused: a chart of more than ten years says nothing. */
  rangeMaxDays: 3660,
} as const;

const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

function textProblems(problems: string[], field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'string') {
    problems.push(`${field} must be a string`);
    return;
  }
  if (value.trim().length < min || value.length > max) {
    problems.push(
      min > 0
        ? `${field} must be ${min} to ${max} characters (got ${value.length})`
        : `${field} must be at most ${max} characters (got ${value.length})`,
    );
  }
}

function sensorIdProblems(problems: string[], field: string, value: unknown): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > DASHBOARD_LIMITS.sensorIdMax) {
    problems.push(`${field} must be a sensor id of 1 to ${DASHBOARD_LIMITS.sensorIdMax} characters`);
  }
}

export function nameProblems(name: unknown): string[] {
  const problems: string[] = [];
  textProblems(problems, 'name', name, 1, DASHBOARD_LIMITS.nameMax);
  return problems;
}

export function timeRangeProblems(range: TimeRange, field = 'timeRange'): string[] {
  switch (range.kind) {
    case 'relative':
      return (RELATIVE_RANGES as readonly string[]).includes(range.last)
        ? []
        : [`${field}.last must be one of ${RELATIVE_RANGES.join(', ')}`];
    case 'absolute': {
      if (!ZONED_INSTANT.test(range.from) || !ZONED_INSTANT.test(range.to)) {
        return [`${field}.from and ${field}.to must be ISO-8601 instants with a zone`];
      }
      const from = Date.parse(range.from);
      const to = Date.parse(range.to);
      if (!Number.isFinite(from) || !Number.isFinite(to))
        return [`${field}.from and ${field}.to must be real instants`];
      if (from >= to) return [`${field}.from must be before ${field}.to`];
      if (to - from > DASHBOARD_LIMITS.rangeMaxDays * DAY_MS) {
        return [`${field} may span at most ${DASHBOARD_LIMITS.rangeMaxDays} days`];
      }
      return [];
    }
    default:
      return [`${field}.kind must be relative or absolute`];
  }
}

function sensorListProblems(problems: string[], sensorIds: unknown, min: number): void {
  if (!Array.isArray(sensorIds)) {
    problems.push('sensorIds must be a list');
    return;
  }
  if (sensorIds.length < min || sensorIds.length > DASHBOARD_LIMITS.seriesPerTileMax) {
    problems.push(
      `sensorIds must name ${min} to ${DASHBOARD_LIMITS.seriesPerTileMax} sensors (got ${sensorIds.length})`,
    );
  }
  sensorIds.forEach((id, i) => sensorIdProblems(problems, `sensorIds[${i}]`, id));
  if (new Set(sensorIds).size !== sensorIds.length) problems.push('sensorIds must not repeat a sensor');
}

/** Every problem with a tile, in field order; empty when it is valid. Fields a kind does not have are refused. */
export function tileProblems(tile: TileSpec): string[] {
  const problems: string[] = [];
  if (!(TILE_KINDS as readonly string[]).includes(tile.kind)) {
    return [`kind must be one of ${TILE_KINDS.join(', ')}`];
  }
  textProblems(problems, 'title', tile.title, 0, DASHBOARD_LIMITS.titleMax);
  const fields = Object.keys(tile).filter((k) => k !== 'tileId');
  const allowed: Record<TileSpec['kind'], readonly string[]> = {
    chart: ['kind', 'title', 'sensorIds', 'timeRange'],
    number: ['kind', 'title', 'sensorId'],
    gauge: ['kind', 'title', 'sensorId', 'min', 'max'],
    switch: ['kind', 'title', 'sensorId'],
    alarms: ['kind', 'title', 'sensorIds', 'timeRange'],
  };
  const extra = fields.filter((f) => !allowed[tile.kind].includes(f));
  if (extra.length > 0) problems.push(`a ${tile.kind} tile has no ${extra.join(', ')}`);
  switch (tile.kind) {
    case 'chart':
      sensorListProblems(problems, tile.sensorIds, 1);
      if (tile.timeRange !== undefined) problems.push(...timeRangeProblems(tile.timeRange, 'tile.timeRange'));
      break;
    case 'alarms':
      sensorListProblems(problems, tile.sensorIds, 0);
      if (tile.timeRange !== undefined) problems.push(...timeRangeProblems(tile.timeRange, 'tile.timeRange'));
      break;
    case 'gauge':
      sensorIdProblems(problems, 'sensorId', tile.sensorId);
      if (!Number.isFinite(tile.min) || !Number.isFinite(tile.max) || tile.min >= tile.max) {
        problems.push('gauge min and max must be finite numbers with min below max');
      }
      break;
    case 'number':
    case 'switch':
      sensorIdProblems(problems, 'sensorId', tile.sensorId);
      break;
  }
  return problems;
}

/** The sensors a tile reads or commands. */
export function sensorsOf(tile: TileSpec): readonly string[] {
  switch (tile.kind) {
    case 'chart':
    case 'alarms':
      return tile.sensorIds;
    case 'number':
    case 'gauge':
    case 'switch':
      return [tile.sensorId];
  }
}
