import type { DashboardContent, Tile, TimeRange } from './dashboard.events.js';

/**
 * Every command but creation names the caller (`actorId`: only the owner may see or change a dashboard) and the
 * version the caller last read (`expectedVersion`, the stream revision): an edit of an older version is refused.
 */
interface Edit {
  readonly dashboardId: string;
  readonly actorId: string;
  readonly expectedVersion: number;
  readonly at: string;
}

export type DashboardCommand =
  | {
      readonly type: 'CreateDashboard';
      readonly data: {
        readonly dashboardId: string;
        readonly ownerId: string;
        readonly name: string;
        readonly at: string;
      };
    }
  | { readonly type: 'RenameDashboard'; readonly data: Edit & { readonly name: string } }
  | { readonly type: 'AddTile'; readonly data: Edit & { readonly tile: Tile } }
  | { readonly type: 'ChangeTile'; readonly data: Edit & { readonly tile: Tile } }
  | { readonly type: 'RemoveTile'; readonly data: Edit & { readonly tileId: string } }
  | { readonly type: 'SetDashboardTimeRange'; readonly data: Edit & { readonly timeRange: TimeRange } }
  | { readonly type: 'DeleteDashboard'; readonly data: Edit }
  | { readonly type: 'RestoreDashboardVersion'; readonly data: Edit & { readonly version: number } }
  | {
      /** Decided on the new dashboard's (empty) stream; the handler read the source's content at `sourceVersion`. */
      readonly type: 'DuplicateDashboard';
      readonly data: {
        readonly dashboardId: string;
        readonly ownerId: string;
        readonly name: string;
        readonly source: DashboardContent;
        readonly sourceDashboardId: string;
        readonly sourceVersion: number;
        readonly at: string;
      };
    };
