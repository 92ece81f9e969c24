import type { DashboardContent, DashboardEvent } from './dashboard.events.js';
import { assertNever } from '../shared/decider.js';

const EMPTY: DashboardContent = { name: '', timeRange: { kind: 'relative', last: '24h' }, tiles: [] };

/**
 * What a dashboard shows after one more of its events: the one fold the decider, the read model and a preview of an
 * earlier version share. A deletion leaves the content as it was.
 */
export function contentAfter(content: DashboardContent | undefined, event: DashboardEvent): DashboardContent {
  const current = content ?? EMPTY;
  switch (event.type) {
    case 'DashboardCreated':
      return { name: event.data.name, timeRange: event.data.timeRange, tiles: [] };
    case 'DashboardDuplicated':
    case 'DashboardVersionRestored':
      return { name: event.data.name, timeRange: event.data.timeRange, tiles: event.data.tiles };
    case 'DashboardRenamed':
      return { ...current, name: event.data.name };
    case 'DashboardTileAdded':
      return { ...current, tiles: [...current.tiles, event.data.tile] };
    case 'DashboardTileChanged':
      return {
        ...current,
        tiles: current.tiles.map((t) => (t.tileId === event.data.tile.tileId ? event.data.tile : t)),
      };
    case 'DashboardTileRemoved':
      return { ...current, tiles: current.tiles.filter((t) => t.tileId !== event.data.tileId) };
    case 'DashboardTimeRangeChanged':
      return { ...current, timeRange: event.data.timeRange };
    case 'DashboardDeleted':
      return current;
    default:
      return assertNever(event);
  }
}
