import { contentAfter } from '../../../domain/dashboards/dashboard.content.js';
import {
  DASHBOARD_EVENT_TYPES,
  isDashboardEvent,
  type DashboardContent,
  type DashboardEvent,
} from '../../../domain/dashboards/dashboard.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { epochMs, isoFromEpochMs } from '../../shared/sql.js';
import { describeDashboardChange } from '../dashboards-summaries.js';
import { DASHBOARDS_MIGRATIONS, DASHBOARDS_TABLE, DASHBOARD_VERSIONS_TABLE } from './dashboards.tables.js';

export interface DashboardRow {
  readonly dashboardId: string;
  readonly ownerId: string;
  readonly content: DashboardContent;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletedAt: string | null;
}

interface StoredRow {
  dashboard_id: string;
  owner_id: string;
  name: string;
  time_range: DashboardContent['timeRange'];
  tiles: DashboardContent['tiles'];
  version: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export const DASHBOARD_COLUMNS = `dashboard_id, owner_id, name, time_range, tiles, version, ${epochMs('created_at')},
  ${epochMs('updated_at')}, ${epochMs('deleted_at')}`;

export function toDashboardRow(row: StoredRow): DashboardRow {
  return {
    dashboardId: row.dashboard_id,
    ownerId: row.owner_id,
    content: { name: row.name, timeRange: row.time_range, tiles: row.tiles },
    version: Number(row.version),
    createdAt: isoFromEpochMs(row.created_at),
    updatedAt: isoFromEpochMs(row.updated_at),
    deletedAt: row.deleted_at === null ? null : isoFromEpochMs(row.deleted_at),
  };
}

export async function selectDashboardRows(
  db: SqlExecutor,
  table: string,
  where: string,
  params: readonly unknown[],
): Promise<DashboardRow[]> {
  const rows = await db.query<StoredRow>(`SELECT ${DASHBOARD_COLUMNS} FROM ${table} WHERE ${where}`, params);
  return rows.map(toDashboardRow);
}

function dashboardIdOf(event: RecordedEvent): string {
  return (event.data as { dashboardId: string }).dashboardId;
}

/** The row after one more event; undefined when the stream did not start with a creation (nothing to show). */
function rowAfter(row: DashboardRow | undefined, event: RecordedEvent & DashboardEvent): DashboardRow | undefined {
  const at = event.recordedAt;
  if (event.type === 'DashboardCreated' || event.type === 'DashboardDuplicated') {
    return {
      dashboardId: event.data.dashboardId,
      ownerId: event.data.ownerId,
      content: contentAfter(undefined, event),
      version: event.revision,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
  }
  if (!row) return undefined;
  return {
    ...row,
    content: contentAfter(row.content, event),
    version: event.revision,
    updatedAt: at,
    deletedAt: event.type === 'DashboardDeleted' ? at : row.deletedAt,
  };
}

/**
 * Two tables fed by `dashboard-<id>` streams: one row per dashboard with its current content and version (the
 * owner's list), and one row per version with who made it, when and what it changed (the version history). A batch
 * is folded in memory per dashboard first, then written once per dashboard.
 */
export const dashboardsProjection: Projection = {
  name: DASHBOARDS_TABLE,
  eventTypes: DASHBOARD_EVENT_TYPES,
  tables: [DASHBOARDS_TABLE, DASHBOARD_VERSIONS_TABLE],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver }) {
    const relevant = batch.filter((e): e is RecordedEvent & DashboardEvent => isDashboardEvent(e));
    if (relevant.length === 0) return;
    const dashboards = table(DASHBOARDS_TABLE);
    const versions = table(DASHBOARD_VERSIONS_TABLE);
    const ids = [...new Set(relevant.map(dashboardIdOf))];
    const rows = new Map<string, DashboardRow | undefined>(
      (await selectDashboardRows(tx, dashboards, 'dashboard_id = ANY($1::text[])', [ids])).map((r) => [
        r.dashboardId,
        r,
      ]),
    );
    const history: (string | number)[][] = [];
    for (const event of relevant) {
      const id = dashboardIdOf(event);
      const after = rowAfter(rows.get(id), event);
      if (!after) continue;
      rows.set(id, after);
      history.push([
        id,
        event.revision,
        event.metadata.actorId ?? after.ownerId,
        event.type,
        describeDashboardChange(event.type, event.data),
        event.recordedAt,
      ]);
    }
    for (const id of ids) {
      const row = rows.get(id);
      if (!row) continue;
      await tx.query(
        `INSERT INTO ${dashboards} (dashboard_id, owner_id, name, time_range, tiles, version, created_at, updated_at, deleted_at)
         VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7::timestamptz, $8::timestamptz, $9::timestamptz)
         ON CONFLICT (dashboard_id) DO UPDATE SET name = EXCLUDED.name, time_range = EXCLUDED.time_range,
           tiles = EXCLUDED.tiles, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at,
           deleted_at = EXCLUDED.deleted_at`,
        [
          row.dashboardId,
          row.ownerId,
          row.content.name,
          JSON.stringify(row.content.timeRange),
          JSON.stringify(row.content.tiles),
          row.version,
          row.createdAt,
          row.updatedAt,
          row.deletedAt,
        ],
      );
    }
    for (const [id, version, actor, type, change, at] of history) {
      await tx.query(
        `INSERT INTO ${versions} (dashboard_id, version, actor_id, event_type, change, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz) ON CONFLICT (dashboard_id, version) DO NOTHING`,
        [id, version, actor, type, change, at],
      );
    }
  },
};

export const dashboardsReadModel: ReadModel = {
  migrations: DASHBOARDS_MIGRATIONS,
  projection: () => dashboardsProjection,
};
