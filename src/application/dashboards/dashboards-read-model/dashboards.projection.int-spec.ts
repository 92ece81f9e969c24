import {
  aChartTile,
  aDashboardCreated,
  aDashboardRenamed,
  aTileAdded,
  aTileRemoved,
} from '#test/builders/dashboards.js';
import { describeProjection } from '#test/support/projection-spec.js';
import type { DashboardEvent } from '../../../domain/dashboards/dashboard.events.js';
import { dashboardsProjection, selectDashboardRows } from './dashboards.projection.js';
import { DASHBOARDS_TABLE } from './dashboards.tables.js';

/** The events as appended to `dashboard-<id>` by `actorId`, moved to that dashboard. */
const asGiven = (id: string, events: readonly DashboardEvent[], actorId = 'user:owner-1') =>
  events.map((e) => ({ type: e.type, data: { ...e.data, dashboardId: id }, metadata: { actorId } }));

describeProjection(
  'dashboards projection',
  dashboardsProjection,
  (spec) => {
    const dashboards = (id: string) =>
      selectDashboardRows(spec.backend.db, DASHBOARDS_TABLE, 'dashboard_id = $1', [id]);
    const versions = (id: string) =>
      spec.rows<{ dashboard_id: string; version: number; actor_id: string; event_type: string; change: string }>(
        `SELECT dashboard_id, version, actor_id, event_type, change FROM dashboard_versions WHERE dashboard_id = $1
        ORDER BY version`,
        [id],
      );

    it('Given a dashboard built in four steps, Then one row with its current content and one history row per version', async () => {
      const chart = aChartTile({ title: 'Fridge' });
      await spec.given(
        'dashboard-d-1',
        asGiven('d-1', [aDashboardCreated(), aTileAdded(chart), aDashboardRenamed('Cellar'), aTileRemoved('t-1')]),
        'no_stream',
      );
      await spec.given('dashboard-d-1', asGiven('d-1', [aTileAdded(chart)], 'user:other-actor'));
      await spec.project();
      expect(await dashboards('d-1')).toEqual([
        expect.objectContaining({
          dashboardId: 'd-1',
          ownerId: 'user:owner-1',
          content: { name: 'Cellar', timeRange: { kind: 'relative', last: '24h' }, tiles: [chart] },
          version: 4,
          deletedAt: null,
        }),
      ]);
      expect((await versions('d-1')).map((v) => [v.version, v.actor_id, v.change])).toEqual([
        [0, 'user:owner-1', 'created "Kitchen"'],
        [1, 'user:owner-1', 'added chart tile "Fridge"'],
        [2, 'user:owner-1', 'renamed "Kitchen" to "Cellar"'],
        [3, 'user:owner-1', 'removed tile t-1'],
        [4, 'user:other-actor', 'added chart tile "Fridge"'],
      ]);
    });

    it('Given a deletion, Then the row is marked deleted and the history keeps every version', async () => {
      await spec.given(
        'dashboard-d-2',
        asGiven('d-2', [
          aDashboardCreated({ name: 'Old' }),
          { type: 'DashboardDeleted', data: { dashboardId: 'd-2', at: '2026-12-02T00:00:00.000Z' } },
        ]),
        'no_stream',
      );
      await spec.project({ batchSize: 1 });
      const [row] = await dashboards('d-2');
      expect(row).toMatchObject({ dashboardId: 'd-2', version: 1, content: { name: 'Old' } });
      expect(row?.deletedAt).not.toBeNull();
      expect((await versions('d-2')).map((v) => v.event_type)).toEqual(['DashboardCreated', 'DashboardDeleted']);
    });

    it('Given a restore, Then the content is the restored version and a rebuild answers the same rows', async () => {
      const tile = aChartTile();
      await spec.given(
        'dashboard-d-3',
        asGiven('d-3', [
          aDashboardCreated(),
          aTileAdded(tile),
          aTileRemoved(),
          {
            type: 'DashboardVersionRestored',
            data: {
              dashboardId: 'd-1',
              version: 1,
              name: 'Kitchen',
              timeRange: { kind: 'relative', last: '24h' },
              tiles: [tile],
              at: '2026-12-02T00:00:00.000Z',
            },
          },
        ]),
        'no_stream',
      );
      await spec.project({ batchSize: 2 });
      const before = { rows: await dashboards('d-3'), versions: await versions('d-3') };
      expect(before.rows[0]).toMatchObject({ version: 3, content: { tiles: [tile] } });
      expect(before.versions.at(-1)?.change).toBe('restored version 1 (1 tile)');
      await spec.rebuild();
      expect({ rows: await dashboards('d-3'), versions: await versions('d-3') }).toEqual(before);
    });
  },
  { database: 'shared' },
);
