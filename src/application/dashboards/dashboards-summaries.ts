import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection and the version history apply every event, whatever its shape.
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');

function tile(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'a tile';
  const t = value as Record<string, unknown>;
  const title = typeof t.title === 'string' && t.title.length > 0 ? ` "${t.title}"` : '';
  return `${text(t.kind)} tile${title}`;
}

function range(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '?';
  const r = value as Record<string, unknown>;
  return r.kind === 'relative' ? `last ${text(r.last)}` : `${text(r.from)} to ${text(r.to)}`;
}

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const tiles = (value: unknown): string => (count(value) === 1 ? '1 tile' : `${count(value)} tiles`);

/** One line per dashboard event: the audit trail's summary and the "what changed" of the version history. */
export const dashboardsSummaries: Readonly<Record<string, Summarizer>> = {
  DashboardCreated: (d) => `created "${text(d.name)}"`,
  DashboardRenamed: (d) => `renamed "${text(d.previousName)}" to "${text(d.name)}"`,
  DashboardTileAdded: (d) => `added ${tile(d.tile)}`,
  DashboardTileChanged: (d) => `changed ${tile(d.tile)}`,
  DashboardTileRemoved: (d) => `removed tile ${text(d.tileId)}`,
  DashboardTimeRangeChanged: (d) => `time range set to ${range(d.timeRange)}`,
  DashboardDuplicated: (d) =>
    `created "${text(d.name)}" as a copy of dashboard ${text(d.sourceDashboardId)} version ${text(d.sourceVersion)} (${tiles(d.tiles)})`,
  DashboardDeleted: () => 'deleted',
  DashboardVersionRestored: (d) => `restored version ${text(d.version)} (${tiles(d.tiles)})`,
};

export function describeDashboardChange(type: string, data: unknown): string {
  const summary = dashboardsSummaries[type];
  return summary ? summary((data ?? {}) as Record<string, unknown>) : type;
}
