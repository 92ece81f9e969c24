import { DeciderSpecification } from '#test/support/decider-spec.js';
import {
  A_DASHBOARD_ID,
  CREATED_AT,
  DASHBOARD_OWNER,
  aChartTile,
  aDashboardCreated,
  aDashboardRenamed,
  aTileAdded,
  aTileRemoved,
} from '#test/builders/dashboards.js';
import { dashboardDecider, type DashboardCommand } from './dashboard.decider.js';
import {
  DashboardAlreadyExistsError,
  DashboardNotFoundError,
  DashboardVersionConflictError,
  InvalidDashboardError,
  UnknownDashboardVersionError,
} from './dashboard.errors.js';
import type { Tile } from './dashboard.events.js';
import { DASHBOARD_LIMITS } from './dashboard.validation.js';

const given = DeciderSpecification.for(dashboardDecider);
const AT = '2026-12-02T08:00:00.000Z';
const edit = (expectedVersion: number, actorId = DASHBOARD_OWNER) => ({
  dashboardId: A_DASHBOARD_ID,
  actorId,
  expectedVersion,
  at: AT,
});
const addTile = (tile: Tile, expectedVersion = 0): DashboardCommand => ({
  type: 'AddTile',
  data: { ...edit(expectedVersion), tile },
});

describe('dashboard decider', () => {
  describe('create', () => {
    const create = (name: string, dashboardId = A_DASHBOARD_ID): DashboardCommand => ({
      type: 'CreateDashboard',
      data: { dashboardId, ownerId: DASHBOARD_OWNER, name, at: CREATED_AT },
    });

    it('creates an empty dashboard over the last 24 hours, its name trimmed', () => {
      given().when(create('  Kitchen ')).then([aDashboardCreated()]);
    });

    it('refuses an empty or over-long name, and a second creation of the same id', () => {
      given()
        .when(create('   '))
        .thenThrows(InvalidDashboardError, /name must be 1 to 80/);
      given()
        .when(create('x'.repeat(DASHBOARD_LIMITS.nameMax + 1)))
        .thenThrows(InvalidDashboardError);
      given()
        .when(create('ok', 'has space'))
        .thenThrows(InvalidDashboardError, /id is not well formed/);
      given(aDashboardCreated()).when(create('Again')).thenThrows(DashboardAlreadyExistsError);
    });
  });

  describe('edits', () => {
    it('adds a tile at the version the client read', () => {
      given(aDashboardCreated())
        .when(addTile(aChartTile()))
        .then([aTileAdded(aChartTile(), AT)]);
    });

    it('refuses an edit made on an older version (the client must read again)', () => {
      given(aDashboardCreated(), aTileAdded())
        .when(addTile(aChartTile({ tileId: 't-2' }), 0))
        .thenThrows(DashboardVersionConflictError, /is at version 1, not 0/);
    });

    it("answers another user's dashboard, or a deleted one, as not found", () => {
      given(aDashboardCreated())
        .when({ type: 'RenameDashboard', data: { ...edit(0, 'user:someone-else'), name: 'Mine' } })
        .thenThrows(DashboardNotFoundError);
      given(aDashboardCreated(), { type: 'DashboardDeleted', data: { dashboardId: A_DASHBOARD_ID, at: AT } })
        .when({ type: 'RenameDashboard', data: { ...edit(1), name: 'Back' } })
        .thenThrows(DashboardNotFoundError);
      given()
        .when({ type: 'DeleteDashboard', data: edit(0) })
        .thenThrows(DashboardNotFoundError);
    });

    it('renames, and a rename to the same name changes nothing', () => {
      given(aDashboardCreated())
        .when({ type: 'RenameDashboard', data: { ...edit(0), name: 'Cellar' } })
        .then([aDashboardRenamed('Cellar', 'Kitchen', AT)]);
      given(aDashboardCreated())
        .when({ type: 'RenameDashboard', data: { ...edit(0), name: 'Kitchen ' } })
        .then([]);
    });

    it('changes a tile wholesale and removes one; an unknown tile is refused', () => {
      const changed = aChartTile({
        title: 'Fridge',
        sensorIds: ['s-1', 's-2'],
        timeRange: { kind: 'relative', last: '7d' },
      });
      given(aDashboardCreated(), aTileAdded())
        .when({ type: 'ChangeTile', data: { ...edit(1), tile: changed } })
        .then([{ type: 'DashboardTileChanged', data: { dashboardId: A_DASHBOARD_ID, tile: changed, at: AT } }]);
      given(aDashboardCreated(), aTileAdded())
        .when({ type: 'RemoveTile', data: { ...edit(1), tileId: 't-1' } })
        .then([aTileRemoved('t-1', AT)]);
      given(aDashboardCreated())
        .when({ type: 'RemoveTile', data: { ...edit(0), tileId: 't-9' } })
        .thenThrows(InvalidDashboardError, /no tile t-9/);
    });

    it('sets the shared time range; an absolute one must run forwards', () => {
      const range = { kind: 'absolute', from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' } as const;
      given(aDashboardCreated())
        .when({ type: 'SetDashboardTimeRange', data: { ...edit(0), timeRange: range } })
        .then([{ type: 'DashboardTimeRangeChanged', data: { dashboardId: A_DASHBOARD_ID, timeRange: range, at: AT } }]);
      given(aDashboardCreated())
        .when({
          type: 'SetDashboardTimeRange',
          data: { ...edit(0), timeRange: { kind: 'absolute', from: range.to, to: range.from } },
        })
        .thenThrows(InvalidDashboardError, /from must be before/);
    });
  });

  describe('tile specs are validated strictly', () => {
    const refused = (tile: Tile, message: RegExp): void =>
      given(aDashboardCreated()).when(addTile(tile)).thenThrows(InvalidDashboardError, message);

    it('limits series per chart, and needs at least one', () => {
      const many = Array.from({ length: DASHBOARD_LIMITS.seriesPerTileMax + 1 }, (_, i) => `s-${i}`);
      refused(aChartTile({ sensorIds: many }), /1 to 8 sensors \(got 9\)/);
      refused(aChartTile({ sensorIds: [] }), /1 to 8 sensors \(got 0\)/);
      refused(aChartTile({ sensorIds: ['s', 's'] }), /must not repeat/);
    });

    it('refuses a title that is too long, a gauge without a span, and fields a kind does not have', () => {
      refused(aChartTile({ title: 't'.repeat(81) }), /title must be at most 80/);
      refused({ tileId: 'g', kind: 'gauge', title: 'G', sensorId: 's', min: 10, max: 10 }, /min below max/);
      refused(
        {
          tileId: 'n',
          kind: 'number',
          title: 'N',
          sensorId: 's',
          timeRange: { kind: 'relative', last: '1h' },
        } as never,
        /a number tile has no timeRange/,
      );
      refused(aChartTile({ timeRange: { kind: 'relative', last: '2h' as never } }), /last must be one of/);
    });

    it(`holds at most ${DASHBOARD_LIMITS.tilesMax} tiles`, () => {
      const full = Array.from({ length: DASHBOARD_LIMITS.tilesMax }, (_, i) =>
        aTileAdded(aChartTile({ tileId: `t-${i}` })),
      );
      given(aDashboardCreated(), ...full)
        .when(addTile(aChartTile({ tileId: 'one-more' }), DASHBOARD_LIMITS.tilesMax))
        .thenThrows(InvalidDashboardError, /at most 24 tiles/);
    });
  });

  describe('versions', () => {
    it('restores an earlier version by appending its content as the newest version', () => {
      const tile = aChartTile();
      given(aDashboardCreated(), aTileAdded(tile), aDashboardRenamed('Cellar'), aTileRemoved())
        .when({ type: 'RestoreDashboardVersion', data: { ...edit(3), version: 1 } })
        .then([
          {
            type: 'DashboardVersionRestored',
            data: {
              dashboardId: A_DASHBOARD_ID,
              version: 1,
              name: 'Kitchen',
              timeRange: { kind: 'relative', last: '24h' },
              tiles: [tile],
              at: AT,
            },
          },
        ]);
    });

    it('keeps every version in the state: the restore is version 3 and version 1 is still there', () => {
      const { state } = given(aDashboardCreated(), aTileAdded(), aTileRemoved(), {
        type: 'DashboardVersionRestored',
        data: {
          dashboardId: A_DASHBOARD_ID,
          version: 1,
          name: 'Kitchen',
          timeRange: { kind: 'relative', last: '24h' },
          tiles: [aChartTile()],
          at: AT,
        },
      });
      expect(state).toMatchObject({ status: 'active', version: 3, content: { tiles: [aChartTile()] } });
      expect(state.status !== 'none' && state.history.map((c) => c.tiles.length)).toEqual([0, 1, 0, 1]);
    });

    it('refuses a version the dashboard never had; restoring the current one changes nothing', () => {
      given(aDashboardCreated())
        .when({ type: 'RestoreDashboardVersion', data: { ...edit(0), version: 5 } })
        .thenThrows(UnknownDashboardVersionError);
      given(aDashboardCreated(), aTileAdded())
        .when({ type: 'RestoreDashboardVersion', data: { ...edit(1), version: 1 } })
        .then([]);
    });

    it("duplicates another dashboard's content into a new stream, naming its source and version", () => {
      const source = { name: 'Kitchen', timeRange: { kind: 'relative', last: '7d' } as const, tiles: [aChartTile()] };
      given()
        .when({
          type: 'DuplicateDashboard',
          data: {
            dashboardId: 'd-2',
            ownerId: DASHBOARD_OWNER,
            name: 'Kitchen (copy)',
            source,
            sourceDashboardId: A_DASHBOARD_ID,
            sourceVersion: 1,
            at: AT,
          },
        })
        .then([
          {
            type: 'DashboardDuplicated',
            data: {
              dashboardId: 'd-2',
              ownerId: DASHBOARD_OWNER,
              name: 'Kitchen (copy)',
              timeRange: source.timeRange,
              tiles: source.tiles,
              sourceDashboardId: A_DASHBOARD_ID,
              sourceVersion: 1,
              at: AT,
            },
          },
        ]);
    });
  });
});
