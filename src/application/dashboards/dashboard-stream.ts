import { isDashboardEvent, type DashboardEvent } from '../../domain/dashboards/dashboard.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const DASHBOARD_STREAM_PREFIX = 'dashboard-';
export const DASHBOARD_SCHEMA_VERSION = 1;

export function dashboardStream(dashboardId: string): string {
  return `${DASHBOARD_STREAM_PREFIX}${dashboardId}`;
}

/** `dashboard-<id>` holds only the dashboard decider's events: a version is the stream revision. */
export const DASHBOARD_EVENTS: StreamEvents<DashboardEvent> = {
  accepts: isDashboardEvent,
  schemaVersion: DASHBOARD_SCHEMA_VERSION,
};
