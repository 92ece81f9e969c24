import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api/client';
import { dateTime } from '../lib/format';
import { problemText, rangeText, rememberDashboard, type Dashboard } from '../lib/dashboards';

function DashboardRow({
  dashboard,
  onChanged,
  onGone,
  onStale,
}: {
  dashboard: Dashboard;
  onChanged: (d: Dashboard) => void;
  onGone: () => void;
  /** The list showed an older version than the dashboard has now: it is read again. */
  onStale: () => void;
}) {
  const renaming = useSignal(false);
  const name = useSignal(dashboard.name);
  const error = useSignal<string | null>(null);
  const { route } = useLocation();
  const id = dashboard.dashboardId;

  const rename = async (event: Event) => {
    event.preventDefault();
    const {
      data,
      error: problem,
      response,
    } = await api.PUT('/api/dashboards/{id}/name', {
      params: { path: { id } },
      body: { expectedVersion: dashboard.version, name: name.value },
    });
    if (response.status === 409) onStale();
    if (!data) return void (error.value = problemText(problem, 'The dashboard could not be renamed'));
    renaming.value = false;
    error.value = null;
    onChanged(data);
  };
  const duplicate = async () => {
    const { data, error: problem } = await api.POST('/api/dashboards/{id}/duplicate', {
      params: { path: { id } },
      body: {},
    });
    if (!data) return void (error.value = problemText(problem, 'The dashboard could not be duplicated'));
    rememberDashboard(data.dashboardId);
    route(`/dashboards/${data.dashboardId}`);
  };
  const remove = async () => {
    if (!window.confirm(`Delete the dashboard "${dashboard.name}"? Its history stays in the log.`)) return;
    const { response, error: problem } = await api.DELETE('/api/dashboards/{id}', {
      params: { path: { id }, query: { expectedVersion: dashboard.version } },
    });
    if (response.status === 409) onStale();
    if (response.status !== 204) return void (error.value = problemText(problem, 'The dashboard could not be deleted'));
    onGone();
  };
  return (
    <li class="card dashboard-item">
      {renaming.value ? (
        <form onSubmit={(e) => void rename(e)} class="inline">
          <label>
            <span class="sr-only">New name of {dashboard.name}</span>
            <input value={name.value} maxLength={80} required onInput={(e) => (name.value = e.currentTarget.value)} />
          </label>
          <button type="submit">Save name</button>
          <button type="button" onClick={() => (renaming.value = false)}>
            Cancel
          </button>
        </form>
      ) : (
        <h2>
          <a href={`/dashboards/${id}`}>{dashboard.name}</a>
        </h2>
      )}
      <p class="muted">
        {dashboard.tiles.length} {dashboard.tiles.length === 1 ? 'tile' : 'tiles'} · {rangeText(dashboard.timeRange)} ·
        version {dashboard.version} · changed {dateTime(dashboard.updatedAt)}
      </p>
      <div class="actions">
        <button type="button" onClick={() => (renaming.value = true)} aria-label={`Rename ${dashboard.name}`}>
          Rename
        </button>
        <button type="button" onClick={() => void duplicate()} aria-label={`Duplicate ${dashboard.name}`}>
          Duplicate
        </button>
        <button type="button" onClick={() => void remove()} aria-label={`Delete ${dashboard.name}`}>
          Delete
        </button>
      </div>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </li>
  );
}

/** The caller's dashboards: create, open, rename, duplicate, delete. */
export function DashboardsPage() {
  const list = useSignal<Dashboard[] | null>(null);
  const failed = useSignal(false);
  const name = useSignal('');
  const error = useSignal<string | null>(null);
  const { route } = useLocation();

  const load = () =>
    api
      .GET('/api/dashboards')
      .then(({ data }) => (data ? (list.value = data.items) : (failed.value = true)))
      .catch(() => (failed.value = true));
  useEffect(() => void load(), []);

  const create = async (event: Event) => {
    event.preventDefault();
    const { data, error: problem } = await api.POST('/api/dashboards', { body: { name: name.value } });
    if (!data) return void (error.value = problemText(problem, 'The dashboard could not be created'));
    rememberDashboard(data.dashboardId);
    route(`/dashboards/${data.dashboardId}`);
  };

  return (
    <section>
      <h1>Dashboards</h1>
      <form class="toolbar" onSubmit={(e) => void create(e)}>
        <label class="inline">
          New dashboard
          <input value={name.value} maxLength={80} required onInput={(e) => (name.value = e.currentTarget.value)} />
        </label>
        <button type="submit">Create dashboard</button>
        {error.value && (
          <span class="error" role="alert">
            {error.value}
          </span>
        )}
      </form>
      {failed.value && <p class="error">The dashboards could not be loaded; reload the page to try again.</p>}
      {list.value === null && !failed.value && <p role="status">Loading…</p>}
      {list.value?.length === 0 && (
        <p class="empty">
          No dashboards yet. Give one a name above, then add charts, numbers, gauges, switches and alarm lists to it.
        </p>
      )}
      {list.value && list.value.length > 0 && (
        <ul class="cards dashboard-list">
          {list.value.map((d) => (
            <DashboardRow
              key={d.dashboardId}
              dashboard={d}
              onChanged={(next) =>
                (list.value = list.value!.map((x) => (x.dashboardId === next.dashboardId ? next : x)))
              }
              onGone={() => (list.value = list.value!.filter((x) => x.dashboardId !== d.dashboardId))}
              onStale={() => void load()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
