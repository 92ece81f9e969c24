import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UnknownDashboardVersionError } from '../../../domain/dashboards/dashboard.errors.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { epochMs, isoFromEpochMs } from '../../shared/sql.js';
import { selectDashboardRows } from '../dashboards-read-model/dashboards.projection.js';
import { DASHBOARDS_TABLE, DASHBOARD_VERSIONS_TABLE } from '../dashboards-read-model/dashboards.tables.js';
import type { DashboardPage, DashboardPreview, DashboardVersionPage, DashboardView } from '../dashboard-view.js';
import { currentView, loadOwnedDashboard, ownerIdOf, viewAt } from '../owned-dashboard.js';
import { GetDashboard, GetDashboardVersion, ListDashboards, ListDashboardVersions } from './dashboard.queries.js';

/** The caller's own dashboards with their current content, by name; nobody else's, whatever the role. */
@QueryHandler(ListDashboards)
export class ListDashboardsHandler implements IQueryHandler<ListDashboards, DashboardPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal }: ListDashboards): Promise<DashboardPage> {
    const rows = await selectDashboardRows(
      this.db,
      DASHBOARDS_TABLE,
      'owner_id = $1 AND deleted_at IS NULL ORDER BY lower(name), dashboard_id',
      [ownerIdOf(principal)],
    );
    return {
      items: rows.map((r) => ({
        dashboardId: r.dashboardId,
        name: r.content.name,
        timeRange: r.content.timeRange,
        tiles: r.content.tiles,
        version: r.version,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
    };
  }
}

/** One dashboard, folded from its stream: what the next edit will be decided on. */
@QueryHandler(GetDashboard)
export class GetDashboardHandler implements IQueryHandler<GetDashboard, DashboardView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, dashboardId }: GetDashboard): Promise<DashboardView> {
    return currentView(await loadOwnedDashboard(this.store, principal, dashboardId));
  }
}

interface VersionRow {
  version: number;
  actor_id: string;
  event_type: string;
  change: string;
  recorded_at: number;
}

/** Every version of one of the caller's dashboards, newest first: who, when, what changed. */
@QueryHandler(ListDashboardVersions)
export class ListDashboardVersionsHandler implements IQueryHandler<ListDashboardVersions, DashboardVersionPage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  async execute({ principal, dashboardId }: ListDashboardVersions): Promise<DashboardVersionPage> {
    await loadOwnedDashboard(this.store, principal, dashboardId);
    const rows = await this.db.query<VersionRow>(
      `SELECT version, actor_id, event_type, change, ${epochMs('recorded_at')} FROM ${DASHBOARD_VERSIONS_TABLE}
        WHERE dashboard_id = $1 ORDER BY version DESC`,
      [dashboardId],
    );
    return {
      dashboardId,
      items: rows.map((r) => ({
        version: Number(r.version),
        at: isoFromEpochMs(r.recorded_at),
        actorId: r.actor_id,
        type: r.event_type,
        change: r.change,
      })),
    };
  }
}

/** A dashboard as it was at an earlier version: its stream folded up to that revision, nothing stored besides. */
@QueryHandler(GetDashboardVersion)
export class GetDashboardVersionHandler implements IQueryHandler<GetDashboardVersion, DashboardPreview> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, dashboardId, version }: GetDashboardVersion): Promise<DashboardPreview> {
    const owned = await loadOwnedDashboard(this.store, principal, dashboardId);
    const content = owned.state.history[version];
    if (!content) throw new UnknownDashboardVersionError(dashboardId, version);
    return { ...viewAt(dashboardId, content, version, owned.recorded), currentVersion: owned.state.version };
  }
}
