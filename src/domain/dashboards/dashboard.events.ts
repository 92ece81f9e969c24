import type { DomainEvent } from '../shared/event.js';

/** A relative window ending now, or a fixed one. */
export const RELATIVE_RANGES = ['1h', '24h', '7d', '30d', '1y'] as const;
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

export type TimeRange =
  | { readonly kind: 'relative'; readonly last: RelativeRange }
  | { readonly kind: 'absolute'; readonly from: string; readonly to: string };

export const TILE_KINDS = ['chart', 'number', 'gauge', 'switch', 'alarms'] as const;
export type TileKind = (typeof TILE_KINDS)[number];

/**
 * What a tile shows. A chart draws one or more sensors over the dashboard's range (or its own); a number and a gauge
 * show one sensor's latest value; a switch commands one actuator; an alarm list shows alarms of the sensors it names
 * (of every sensor the viewer may read when it names none) raised within the range.
 */
export type TileSpec =
  | {
      readonly kind: 'chart';
      readonly title: string;
      readonly sensorIds: readonly string[];
      readonly timeRange?: TimeRange;
    }
  | { readonly kind: 'number'; readonly title: string; readonly sensorId: string }
  | {
      readonly kind: 'gauge';
      readonly title: string;
      readonly sensorId: string;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'switch'; readonly title: string; readonly sensorId: string }
  | {
      readonly kind: 'alarms';
      readonly title: string;
      readonly sensorIds: readonly string[];
      readonly timeRange?: TimeRange;
    };

export type Tile = TileSpec & { readonly tileId: string };

/** Everything a version of a dashboard shows. */
export interface DashboardContent {
  readonly name: string;
  readonly timeRange: TimeRange;
  readonly tiles: readonly Tile[];
}

export type DashboardCreated = DomainEvent<
  'DashboardCreated',
  {
    readonly dashboardId: string;
    readonly ownerId: string;
    readonly name: string;
    readonly timeRange: TimeRange;
    readonly at: string;
  }
>;

export type DashboardRenamed = DomainEvent<
  'DashboardRenamed',
  { readonly dashboardId: string; readonly name: string; readonly previousName: string; readonly at: string }
>;

export type DashboardTileAdded = DomainEvent<
  'DashboardTileAdded',
  { readonly dashboardId: string; readonly tile: Tile; readonly at: string }
>;

/** The tile's whole new spec; its id and place stay. */
export type DashboardTileChanged = DomainEvent<
  'DashboardTileChanged',
  { readonly dashboardId: string; readonly tile: Tile; readonly at: string }
>;

export type DashboardTileRemoved = DomainEvent<
  'DashboardTileRemoved',
  { readonly dashboardId: string; readonly tileId: string; readonly at: string }
>;

export type DashboardTimeRangeChanged = DomainEvent<
  'DashboardTimeRangeChanged',
  { readonly dashboardId: string; readonly timeRange: TimeRange; readonly at: string }
>;

/** The first event of a dashboard made as a copy of another one's content at one of its versions. */
export type DashboardDuplicated = DomainEvent<
  'DashboardDuplicated',
  {
    readonly dashboardId: string;
    readonly ownerId: string;
    readonly name: string;
    readonly timeRange: TimeRange;
    readonly tiles: readonly Tile[];
    readonly sourceDashboardId: string;
    readonly sourceVersion: number;
    readonly at: string;
  }
>;

export type DashboardDeleted = DomainEvent<'DashboardDeleted', { readonly dashboardId: string; readonly at: string }>;

/** The content of an earlier version, appended as the newest one: the versions in between stay in the stream. */
export type DashboardVersionRestored = DomainEvent<
  'DashboardVersionRestored',
  {
    readonly dashboardId: string;
    readonly version: number;
    readonly name: string;
    readonly timeRange: TimeRange;
    readonly tiles: readonly Tile[];
    readonly at: string;
  }
>;

export type DashboardEvent =
  | DashboardCreated
  | DashboardRenamed
  | DashboardTileAdded
  | DashboardTileChanged
  | DashboardTileRemoved
  | DashboardTimeRangeChanged
  | DashboardDuplicated
  | DashboardDeleted
  | DashboardVersionRestored;

export type DashboardEventType = DashboardEvent['type'];

/** The stored type names of the dashboards context. */
export const DASHBOARD_EVENT_TYPES: readonly DashboardEventType[] = [
  'DashboardCreated',
  'DashboardRenamed',
  'DashboardTileAdded',
  'DashboardTileChanged',
  'DashboardTileRemoved',
  'DashboardTimeRangeChanged',
  'DashboardDuplicated',
  'DashboardDeleted',
  'DashboardVersionRestored',
];

export function isDashboardEvent(event: { readonly type: string; readonly data: unknown }): event is DashboardEvent {
  return (DASHBOARD_EVENT_TYPES as readonly string[]).includes(event.type);
}
