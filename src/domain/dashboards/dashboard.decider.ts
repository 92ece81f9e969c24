import type { DashboardCommand } from './dashboard.commands.js';
import type { DashboardContent, DashboardEvent, Tile, TimeRange } from './dashboard.events.js';
import {
  DashboardAlreadyExistsError,
  DashboardNotFoundError,
  DashboardVersionConflictError,
  InvalidDashboardError,
  UnknownDashboardVersionError,
} from './dashboard.errors.js';
import { DASHBOARD_LIMITS, nameProblems, tileProblems, timeRangeProblems } from './dashboard.validation.js';
import { assertNever, type Decider } from '../shared/decider.js';
import { contentAfter } from './dashboard.content.js';

export type { DashboardCommand } from './dashboard.commands.js';

export const DEFAULT_TIME_RANGE: TimeRange = { kind: 'relative', last: '24h' };

export type DashboardState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'deleted';
      readonly dashboardId: string;
      readonly ownerId: string;
      readonly content: DashboardContent;
      /** The stream revision of the last event: version 0 is the creation. */
      readonly version: number;
      /** The content after each version, by version: what a restore brings back. */
      readonly history: readonly DashboardContent[];
    };

type Existing = Exclude<DashboardState, { status: 'none' }>;

const initialState = (): DashboardState => ({ status: 'none' });

function next(state: DashboardState, content: DashboardContent, status: Existing['status'] = 'active'): DashboardState {
  if (state.status === 'none') return state;
  return { ...state, status, content, version: state.version + 1, history: [...state.history, content] };
}

function evolve(state: DashboardState, event: DashboardEvent): DashboardState {
  if (event.type === 'DashboardCreated' || event.type === 'DashboardDuplicated') {
    const content = contentAfter(undefined, event);
    return {
      status: 'active',
      dashboardId: event.data.dashboardId,
      ownerId: event.data.ownerId,
      content,
      version: 0,
      history: [content],
    };
  }
  if (state.status === 'none') return state;
  return next(state, contentAfter(state.content, event), event.type === 'DashboardDeleted' ? 'deleted' : 'active');
}

/** The owner's live dashboard at the version the caller read; anyone else's, or a deleted one, is not found. */
function editable(
  state: DashboardState,
  data: { dashboardId: string; actorId: string; expectedVersion: number },
): Existing {
  if (state.status !== 'active' || state.ownerId !== data.actorId) throw new DashboardNotFoundError(data.dashboardId);
  if (state.version !== data.expectedVersion) {
    throw new DashboardVersionConflictError(data.dashboardId, data.expectedVersion, state.version);
  }
  return state;
}

function invalidUnless(problems: readonly string[]): void {
  if (problems.length > 0) throw new InvalidDashboardError(problems);
}

function contentProblems(content: DashboardContent): string[] {
  return [
    ...nameProblems(content.name),
    ...timeRangeProblems(content.timeRange),
    ...(content.tiles.length > DASHBOARD_LIMITS.tilesMax
      ? [`a dashboard holds at most ${DASHBOARD_LIMITS.tilesMax} tiles`]
      : []),
    ...content.tiles.flatMap(tileProblems),
  ];
}

function sameRange(a: TimeRange, b: TimeRange): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function cleanTile(tile: Tile): Tile {
  return { ...tile, title: tile.title.trim() };
}

function decide(command: DashboardCommand, state: DashboardState): DashboardEvent[] {
  switch (command.type) {
    case 'CreateDashboard': {
      const { data } = command;
      if (state.status !== 'none') throw new DashboardAlreadyExistsError(data.dashboardId);
      invalidUnless([
        ...(DASHBOARD_LIMITS.idPattern.test(data.dashboardId) ? [] : ['dashboard id is not well formed']),
        ...nameProblems(data.name),
      ]);
      return [
        {
          type: 'DashboardCreated',
          data: {
            dashboardId: data.dashboardId,
            ownerId: data.ownerId,
            name: data.name.trim(),
            timeRange: DEFAULT_TIME_RANGE,
            at: data.at,
          },
        },
      ];
    }
    case 'RenameDashboard': {
      const { data } = command;
      const dashboard = editable(state, data);
      invalidUnless(nameProblems(data.name));
      const name = data.name.trim();
      if (name === dashboard.content.name) return [];
      return [
        {
          type: 'DashboardRenamed',
          data: { dashboardId: data.dashboardId, name, previousName: dashboard.content.name, at: data.at },
        },
      ];
    }
    case 'AddTile': {
      const { data } = command;
      const dashboard = editable(state, data);
      invalidUnless(tileProblems(data.tile));
      if (dashboard.content.tiles.length >= DASHBOARD_LIMITS.tilesMax) {
        throw new InvalidDashboardError([`a dashboard holds at most ${DASHBOARD_LIMITS.tilesMax} tiles`]);
      }
      if (dashboard.content.tiles.some((t) => t.tileId === data.tile.tileId)) {
        throw new InvalidDashboardError([`tile ${data.tile.tileId} is already on the dashboard`]);
      }
      return [
        {
          type: 'DashboardTileAdded',
          data: { dashboardId: data.dashboardId, tile: cleanTile(data.tile), at: data.at },
        },
      ];
    }
    case 'ChangeTile': {
      const { data } = command;
      const dashboard = editable(state, data);
      const current = dashboard.content.tiles.find((t) => t.tileId === data.tile.tileId);
      if (!current) throw new InvalidDashboardError([`the dashboard has no tile ${data.tile.tileId}`]);
      invalidUnless(tileProblems(data.tile));
      const tile = cleanTile(data.tile);
      if (JSON.stringify(tile) === JSON.stringify(current)) return [];
      return [{ type: 'DashboardTileChanged', data: { dashboardId: data.dashboardId, tile, at: data.at } }];
    }
    case 'RemoveTile': {
      const { data } = command;
      const dashboard = editable(state, data);
      if (!dashboard.content.tiles.some((t) => t.tileId === data.tileId)) {
        throw new InvalidDashboardError([`the dashboard has no tile ${data.tileId}`]);
      }
      return [
        { type: 'DashboardTileRemoved', data: { dashboardId: data.dashboardId, tileId: data.tileId, at: data.at } },
      ];
    }
    case 'SetDashboardTimeRange': {
      const { data } = command;
      const dashboard = editable(state, data);
      invalidUnless(timeRangeProblems(data.timeRange));
      if (sameRange(dashboard.content.timeRange, data.timeRange)) return [];
      return [
        {
          type: 'DashboardTimeRangeChanged',
          data: { dashboardId: data.dashboardId, timeRange: data.timeRange, at: data.at },
        },
      ];
    }
    case 'DeleteDashboard': {
      const { data } = command;
      editable(state, data);
      return [{ type: 'DashboardDeleted', data: { dashboardId: data.dashboardId, at: data.at } }];
    }
    case 'RestoreDashboardVersion': {
      const { data } = command;
      const dashboard = editable(state, data);
      const restored = Number.isSafeInteger(data.version) ? dashboard.history[data.version] : undefined;
      if (!restored) throw new UnknownDashboardVersionError(data.dashboardId, data.version);
      if (data.version === dashboard.version) return [];
      return [
        {
          type: 'DashboardVersionRestored',
          data: { dashboardId: data.dashboardId, version: data.version, ...restored, at: data.at },
        },
      ];
    }
    case 'DuplicateDashboard': {
      const { data } = command;
      if (state.status !== 'none') throw new DashboardAlreadyExistsError(data.dashboardId);
      const content: DashboardContent = { ...data.source, name: data.name.trim() };
      invalidUnless([
        ...(DASHBOARD_LIMITS.idPattern.test(data.dashboardId) ? [] : ['dashboard id is not well formed']),
        ...contentProblems(content),
      ]);
      return [
        {
          type: 'DashboardDuplicated',
          data: {
            dashboardId: data.dashboardId,
            ownerId: data.ownerId,
            name: content.name,
            timeRange: content.timeRange,
            tiles: content.tiles,
            sourceDashboardId: data.sourceDashboardId,
            sourceVersion: data.sourceVersion,
            at: data.at,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export const dashboardDecider: Decider<DashboardState, DashboardCommand, DashboardEvent> = {
  decide,
  evolve,
  initialState,
};
