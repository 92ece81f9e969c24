import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Sensor } from '../api/client';
import {
  mayBeOwn,
  problemText,
  RELATIVE,
  rangeText,
  type Dashboard,
  type Tile,
  type TimeRange,
} from '../lib/dashboards';
import { watchReadings } from '../lib/live';
import { allSensors } from '../lib/sensors';
import { TileForm, type TileSpec } from './dashboard/tile-form';
import { TileBody } from './dashboard/tiles';
import { VersionPanel } from './dashboard/version-panel';

type Preview = Dashboard & { currentVersion: number };

function sensorsOf(tiles: readonly Tile[]): string[] {
  return [...new Set(tiles.flatMap((t) => t.sensorIds ?? (t.sensorId ? [t.sensorId] : [])))];
}

/** The tiles in a grid (stacked on a narrow screen); editing buttons only on the current version. */
function Grid({
  dashboard,
  readOnly,
  onEdit,
  onRemove,
}: {
  dashboard: Dashboard;
  readOnly: boolean;
  onEdit?: (tile: Tile) => void;
  onRemove?: (tile: Tile) => void;
}) {
  if (dashboard.tiles.length === 0)
    return <p class="empty">{readOnly ? 'This version has no tiles.' : 'No tiles yet: add one above.'}</p>;
  return (
    <ul class="tile-grid" aria-label="Tiles">
      {dashboard.tiles.map((tile) => (
        <li key={tile.tileId} class={`tile card tile-${tile.kind}`} data-tile-kind={tile.kind}>
          <h2>{tile.title || tile.kind}</h2>
          {tile.timeRange && <p class="muted">{rangeText(tile.timeRange)}</p>}
          <TileBody tile={tile} range={dashboard.timeRange} readOnly={readOnly} />
          {!readOnly && (
            <div class="actions">
              <button
                type="button"
                onClick={() => onEdit?.(tile)}
                aria-label={`Change tile ${tile.title || tile.kind}`}
              >
                Change
              </button>
              <button
                type="button"
                onClick={() => onRemove?.(tile)}
                aria-label={`Remove tile ${tile.title || tile.kind}`}
              >
                Remove
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One dashboard: its tiles under one shared range, editing as versions, and its version history. */
export function DashboardPage() {
  const { params } = useRoute();
  const id = params.id ?? '';
  const dashboard = useSignal<Dashboard | null>(null);
  const state = useSignal<'loading' | 'ready' | 'missing' | 'failed'>('loading');
  const sensors = useSignal<Sensor[]>([]);
  const editing = useSignal<Tile | 'new' | null>(null);
  const message = useSignal<string | null>(null);
  const showHistory = useSignal(false);
  const preview = useSignal<Preview | null>(null);

  const load = async () => {
    // The list is a read model a moment behind the log: one made in another tab may take a few tries to appear.
    for (let attempt = 0; ; attempt += 1) {
      const listed = await api.GET('/api/dashboards');
      if (!listed.data) return void (state.value = 'failed');
      if (mayBeOwn(id, listed.data.items)) break;
      if (attempt >= 4) return void (state.value = 'missing');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { data, response } = await api.GET('/api/dashboards/{id}', { params: { path: { id } } });
    if (data) {
      dashboard.value = data;
      state.value = 'ready';
    } else state.value = response.status === 404 ? 'missing' : 'failed';
  };
  useEffect(() => {
    state.value = 'loading';
    preview.value = null;
    load().catch(() => (state.value = 'failed'));
    allSensors()
      .then((all) => (sensors.value = all))
      .catch(() => undefined);
  }, [id]);
  const shown = preview.value ?? dashboard.value;
  // A preview opened from the history takes the focus, so a keyboard or screen-reader user lands on what it shows.
  useEffect(() => {
    if (preview.value) document.getElementById('preview-title')?.focus();
  }, [preview.value?.version]);
  useEffect(() => watchReadings(sensorsOf(shown?.tiles ?? [])), [shown?.version, shown?.dashboardId]);

  /** Applies an edit's answer; on a conflict the dashboard is read again, since someone else changed it. */
  const applied = async (
    answer: { data?: Dashboard; error?: unknown; response: Response },
    what: string,
  ): Promise<string | null> => {
    if (answer.data) {
      dashboard.value = answer.data;
      message.value = `Saved as version ${answer.data.version}.`;
      return null;
    }
    if (answer.response.status === 409) {
      await load();
      message.value = 'The dashboard was changed elsewhere; it was read again. Try once more.';
      return message.value;
    }
    return problemText(answer.error, `The ${what} could not be saved`);
  };

  if (state.value === 'loading') return <p role="status">Loading…</p>;
  if (state.value === 'missing')
    return (
      <section>
        <h1>Dashboard not found</h1>
        <p>
          There is no dashboard of yours here. <a href="/dashboards">Your dashboards</a>
        </p>
      </section>
    );
  if (state.value === 'failed' || !dashboard.value)
    return <p class="error">The dashboard could not be loaded; reload the page to try again.</p>;

  const d = dashboard.value;
  const expectedVersion = d.version;
  const saveTile = async (spec: TileSpec): Promise<string | null> => {
    const body = { expectedVersion, tile: spec };
    const answer =
      editing.value === 'new' || editing.value === null
        ? await api.POST('/api/dashboards/{id}/tiles', { params: { path: { id } }, body })
        : await api.PUT('/api/dashboards/{id}/tiles/{tileId}', {
            params: { path: { id, tileId: editing.value.tileId } },
            body,
          });
    const problem = await applied(answer, 'tile');
    if (problem === null) editing.value = null;
    return problem;
  };
  const removeTile = async (tile: Tile) => {
    const answer = await api.DELETE('/api/dashboards/{id}/tiles/{tileId}', {
      params: { path: { id, tileId: tile.tileId }, query: { expectedVersion } },
    });
    message.value = (await applied(answer, 'tile')) ?? message.value;
  };
  const setRange = async (last: string) => {
    const answer = await api.PUT('/api/dashboards/{id}/time-range', {
      params: { path: { id } },
      body: { expectedVersion, timeRange: { kind: 'relative', last: last as NonNullable<TimeRange['last']> } },
    });
    message.value = (await applied(answer, 'time range')) ?? message.value;
  };
  const openPreview = async (version: number) => {
    const { data, error } = await api.GET('/api/dashboards/{id}/versions/{version}', {
      params: { path: { id, version } },
    });
    if (!data) return void (message.value = problemText(error, 'That version could not be loaded'));
    preview.value = data;
  };
  const restore = async (version: number) => {
    const answer = await api.POST('/api/dashboards/{id}/versions/{version}/restore', {
      params: { path: { id, version } },
      body: { expectedVersion },
    });
    const problem = await applied(answer, 'restore');
    if (problem === null) {
      preview.value = null;
      message.value = `Version ${version} restored as version ${answer.data?.version ?? ''}; the versions in between are kept.`;
    } else message.value = problem;
  };

  return (
    <section class="dashboard" data-version={d.version}>
      <h1>{d.name}</h1>
      <p class="muted">
        Version {d.version} · <a href="/dashboards">All dashboards</a>
      </p>
      <p class="status" role="status">
        {message.value}
      </p>
      {preview.value ? (
        <section class="preview" aria-labelledby="preview-title">
          <div class="banner">
            <h2 id="preview-title" tabIndex={-1}>
              Previewing version {preview.value.version} of {preview.value.currentVersion} (read only)
            </h2>
            <p>
              “{preview.value.name}”, {rangeText(preview.value.timeRange)}, {preview.value.tiles.length} tiles.
            </p>
            <div class="actions">
              <button type="button" onClick={() => void restore(preview.value!.version)}>
                Restore this version
              </button>
              <button type="button" onClick={() => (preview.value = null)}>
                Back to the current version
              </button>
            </div>
          </div>
          <Grid dashboard={preview.value} readOnly />
        </section>
      ) : (
        <>
          <div class="toolbar">
            <label class="inline">
              Time range
              <select
                value={d.timeRange.kind === 'relative' ? d.timeRange.last : ''}
                onChange={(e) => void setRange(e.currentTarget.value)}
              >
                {d.timeRange.kind === 'absolute' && <option value="">{rangeText(d.timeRange)}</option>}
                {RELATIVE.map((r) => (
                  <option key={r.last} value={r.last}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => (editing.value = 'new')} disabled={editing.value !== null}>
              Add tile
            </button>
            <button
              type="button"
              aria-expanded={showHistory.value}
              aria-controls="versions"
              onClick={() => (showHistory.value = !showHistory.value)}
            >
              {showHistory.value ? 'Hide history' : 'Version history'}
            </button>
          </div>
          {editing.value !== null && (
            <TileForm
              key={editing.value === 'new' ? 'new' : editing.value.tileId}
              sensors={sensors.value}
              {...(editing.value === 'new' ? {} : { initial: editing.value })}
              onSave={saveTile}
              onCancel={() => (editing.value = null)}
            />
          )}
          <Grid
            dashboard={d}
            readOnly={false}
            onEdit={(tile) => (editing.value = tile)}
            onRemove={(tile) => void removeTile(tile)}
          />
        </>
      )}
      {(showHistory.value || preview.value) && (
        <div id="versions">
          <VersionPanel
            dashboardId={id}
            version={d.version}
            previewing={preview.value?.version ?? null}
            onPreview={(v) => void openPreview(v)}
            onRestore={(v) => void restore(v)}
          />
        </div>
      )}
    </section>
  );
}
