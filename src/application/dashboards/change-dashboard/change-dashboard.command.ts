import type { Principal } from '../../../domain/access/principal.js';
import type { DashboardView } from '../dashboard-view.js';
import type { TileSpec, TimeRange } from '../../../domain/dashboards/dashboard.events.js';

/** One edit of a dashboard, as the owner asks it. */
export type DashboardChange =
  | { readonly kind: 'rename'; readonly name: string }
  | { readonly kind: 'add-tile'; readonly tile: TileSpec }
  | { readonly kind: 'change-tile'; readonly tileId: string; readonly tile: TileSpec }
  | { readonly kind: 'remove-tile'; readonly tileId: string }
  | { readonly kind: 'time-range'; readonly timeRange: TimeRange }
  | { readonly kind: 'delete' }
  | { readonly kind: 'restore'; readonly version: number };

export class ChangeDashboard {
  constructor(
    readonly principal: Principal,
    readonly dashboardId: string,
    /** The version the caller read; an edit of any other is refused with a conflict. */
    readonly expectedVersion: number,
    readonly change: DashboardChange,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}

export interface ChangedDashboard {
  /** The dashboard as it now is; null once deleted. */
  readonly view: DashboardView | null;
  /** The tile an `add-tile` created. */
  readonly tileId?: string;
}
