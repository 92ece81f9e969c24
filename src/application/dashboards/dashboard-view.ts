import type { Tile, TimeRange } from '../../domain/dashboards/dashboard.events.js';

/** A dashboard as the API answers it: its content at `version`, the revision a client sends back to edit it. */
export interface DashboardView {
  readonly dashboardId: string;
  readonly name: string;
  readonly timeRange: TimeRange;
  readonly tiles: readonly Tile[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DashboardPage {
  readonly items: readonly DashboardView[];
}

/** One version: who made it, when, and what it changed. */
export interface DashboardVersionView {
  readonly version: number;
  readonly at: string;
  readonly actorId: string;
  readonly change: string;
  readonly type: string;
}

export interface DashboardVersionPage {
  readonly dashboardId: string;
  readonly items: readonly DashboardVersionView[];
}

/** A dashboard as it was at an earlier version: read only. */
export interface DashboardPreview extends DashboardView {
  readonly currentVersion: number;
}
