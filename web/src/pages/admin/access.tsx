import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { me } from '../../lib/auth';
import { dateTime, sensorLabel } from '../../lib/format';
import { sensorHref } from '../../lib/sensors';
import { Confirm, problemText } from './common';

type Owned = Schemas['SensorVisibilityViewDto'];
type Visibility = Owned['visibility'];
type Grant = Schemas['GrantViewDto'];
type Right = Grant['rights'][number];
type AccessEntry = Schemas['AccessLogEntryDto'];

const VISIBILITY_LABEL: Record<Visibility, string> = {
  private: 'Private',
  shared: 'Shared through grants',
  public_aggregate: 'Public aggregates',
};

async function ownSensors(): Promise<Owned[]> {
  const all: Owned[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const { data } = await api.GET('/api/sensor-visibility', {
      params: { query: { limit: 1000, ...(after ? { after } : {}) } },
    });
    if (!data) throw new Error('could not load your sensors');
    all.push(...data.items);
    if (!data.nextAfter) break;
    after = data.nextAfter;
  }
  return all;
}

function covers(grant: Pick<Grant, 'scope'>, sensor: Owned): boolean {
  const { scope } = grant;
  return (
    scope.sensorIds.includes(sensor.sensorId) ||
    scope.nodeIds.includes(sensor.nodeId) ||
    scope.gatewayIds.includes(sensor.gatewayId)
  );
}

function granteeName(grant: Pick<Grant, 'grantee'>): string {
  return `${grant.grantee.kind === 'client' ? 'API client' : 'user'} ${grant.grantee.id}`;
}

/** What a grant's rights give on a sensor that is not private: raw values, or aggregates only. */
function resolution(rights: readonly Right[]): string {
  if (rights.includes('read')) return 'values and aggregates';
  if (rights.includes('aggregate')) return 'aggregates only';
  return 'no data';
}

/** Who would see a sensor, as its visibility and the active grants make it. */
function seenBy(sensor: Owned, grants: readonly Grant[]): string[] {
  const who = ['you and administrators: everything'];
  if (sensor.visibility === 'private') return [...who, 'grants are ignored while it is private'];
  if (sensor.visibility === 'public_aggregate') who.push('every signed-in user and API client: aggregates only');
  for (const g of grants.filter((g) => g.status === 'active' && covers(g, sensor)))
    who.push(
      `${granteeName(g)}: ${resolution(g.rights)}${g.rights.includes('command') ? ', may switch it' : ''}${g.expiresAt ? ` until ${dateTime(g.expiresAt)}` : ''}`,
    );
  return who;
}

function VisibilityRow({ sensor, grants, onChanged }: { sensor: Owned; grants: Grant[]; onChanged: () => void }) {
  const status = useSignal<string | null>(null);
  const change = async (visibility: Visibility) => {
    status.value = 'Saving…';
    const { data, error } = await api.PUT('/api/sensors/{sensorId}/visibility', {
      params: { path: { sensorId: sensor.sensorId } },
      body: { visibility },
    });
    status.value = data ? `Now ${VISIBILITY_LABEL[visibility].toLowerCase()}.` : problemText(error);
    onChanged();
  };
  const id = `visibility-${sensor.sensorId}`;
  return (
    <tr data-sensor={sensor.sensorId}>
      <th scope="row" data-label="Sensor">
        <a href={sensorHref(sensor.sensorId)}>{sensorLabel(sensor.sensorId)}</a>
      </th>
      <td data-label="Visibility">
        <label class="sr-only" for={id}>
          Visibility of {sensorLabel(sensor.sensorId)}
        </label>
        <select id={id} value={sensor.visibility} onChange={(e) => void change(e.currentTarget.value as Visibility)}>
          {(Object.keys(VISIBILITY_LABEL) as Visibility[]).map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_LABEL[v]}
            </option>
          ))}
        </select>{' '}
        <span role="status" class="muted small">
          {status.value}
        </span>
      </td>
      <td data-label="Who sees it">
        <ul class="plain">
          {seenBy(sensor, grants).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/** Create a grant: grantee, scope (your sensors), rights and expiry, with a preview of what it would expose. */
function GrantForm({ sensors, onGranted }: { sensors: Owned[]; onGranted: () => void }) {
  const chosen = useSignal<string[]>([]);
  const rights = useSignal<Right[]>(['aggregate']);
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const preview = useComputed(() => {
    const picked = sensors.filter((s) => chosen.value.includes(s.sensorId));
    const hidden = picked.filter((s) => s.visibility === 'private').length;
    const exposed = picked.length - hidden;
    const what = resolution(rights.value);
    const at =
      what === 'values and aggregates'
        ? 'full resolution (values and aggregates)'
        : what === 'aggregates only'
          ? 'aggregate resolution (15 min, hourly, daily)'
          : 'no resolution';
    const command = rights.value.includes('command') ? ' and lets the grantee switch the actuators among them' : '';
    const kept =
      hidden > 0 ? `; ${hidden} private sensor${hidden === 1 ? ' stays' : 's stay'} hidden until shared` : '';
    return `This grant exposes ${exposed} sensor${exposed === 1 ? '' : 's'} at ${at}${command}${kept}.`;
  });
  const toggle = <T,>(list: T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const expiry = String(form.get('expiresAt') ?? '');
    error.value = null;
    done.value = null;
    const { data, error: problem } = await api.POST('/api/grants', {
      body: {
        grantee: {
          kind: String(form.get('kind')) as 'user' | 'client',
          id: String(form.get('granteeId') ?? '').trim(),
        },
        scope: { sensorIds: chosen.value },
        rights: rights.value,
        ...(expiry ? { expiresAt: new Date(expiry).toISOString() } : {}),
      },
    });
    if (!data) {
      error.value = problemText(problem, 'the grant was refused');
      return;
    }
    done.value = `Granted (${data.grantId}).`;
    chosen.value = [];
    formElement.reset();
    onGranted();
  };
  return (
    <form class="panel grid-form" onSubmit={(e) => void submit(e)} aria-labelledby="grant-heading">
      <h2 id="grant-heading">Give access</h2>
      <label>
        Grantee kind
        <select name="kind">
          <option value="client">API client</option>
          <option value="user">User</option>
        </select>
      </label>
      <label>
        Grantee id
        <input name="granteeId" required maxLength={200} />
      </label>
      <label>
        Expires (optional)
        <input name="expiresAt" type="datetime-local" />
      </label>
      <fieldset class="wide">
        <legend>Rights</legend>
        {(['read', 'aggregate', 'command'] as const).map((r) => (
          <label class="inline" key={r}>
            <input
              type="checkbox"
              checked={rights.value.includes(r)}
              onChange={(e) => (rights.value = toggle(rights.value, r, e.currentTarget.checked))}
            />
            {r === 'read' ? 'Read values' : r === 'aggregate' ? 'Read aggregates' : 'Switch actuators'}
          </label>
        ))}
      </fieldset>
      <fieldset class="wide">
        <legend>Sensors</legend>
        {sensors.length === 0 && <p class="muted">You own no sensors yet.</p>}
        {sensors.map((s) => (
          <label class="inline" key={s.sensorId}>
            <input
              type="checkbox"
              checked={chosen.value.includes(s.sensorId)}
              onChange={(e) => (chosen.value = toggle(chosen.value, s.sensorId, e.currentTarget.checked))}
            />
            {sensorLabel(s.sensorId)}
            {s.visibility === 'private' ? ' (private)' : ''}
          </label>
        ))}
      </fieldset>
      <p class="wide preview" aria-live="polite" data-preview>
        {chosen.value.length > 0 ? preview.value : 'Pick the sensors to see what the grant would expose.'}
      </p>
      {error.value && (
        <p class="error wide" role="alert">
          {error.value}
        </p>
      )}
      <div class="wide actions">
        <button type="submit" disabled={chosen.value.length === 0 || rights.value.length === 0}>
          Grant
        </button>
        <span role="status" class="muted">
          {done.value}
        </span>
      </div>
    </form>
  );
}

function GrantsTable({ grants, label, onRevoked }: { grants: Grant[]; label: string; onRevoked: () => void }) {
  const error = useSignal<string | null>(null);
  if (grants.length === 0) return <p class="empty">None.</p>;
  const revoke = async (grantId: string) => {
    const { data, error: problem } = await api.POST('/api/grants/{id}/revoke', { params: { path: { id: grantId } } });
    error.value = data ? null : problemText(problem, 'the grant was not revoked');
    onRevoked();
  };
  return (
    <>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <div class="table-scroll">
        <table class="stack" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">Grantee</th>
              <th scope="col">From</th>
              <th scope="col">Covers</th>
              <th scope="col">Rights</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.grantId} data-grant={g.grantId}>
                <th scope="row" data-label="Grantee">
                  {granteeName(g)}
                </th>
                <td data-label="From">{g.grantor === `user:${me.value?.userId ?? ''}` ? 'you' : g.grantor}</td>
                <td data-label="Covers">
                  {[
                    ...g.scope.gatewayIds.map((id) => `gateway ${id}`),
                    ...g.scope.nodeIds.map((id) => `node ${id}`),
                    ...g.scope.sensorIds.map(sensorLabel),
                  ].join(', ')}
                </td>
                <td data-label="Rights">{g.rights.join(', ')}</td>
                <td data-label="Status">
                  {g.status}
                  {g.expiresAt && g.status === 'active' ? ` until ${dateTime(g.expiresAt)}` : ''}
                  {g.endedAt ? ` ${dateTime(g.endedAt)}` : ''}
                </td>
                <td>
                  {g.status === 'active' && (
                    <Confirm
                      label="Revoke"
                      question={`Revoke the grant to ${granteeName(g)}? It stops applying on their next request.`}
                      confirmLabel="Revoke now"
                      danger
                      onConfirm={() => revoke(g.grantId)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Who read my data: per reader and sensor, how often and how many rows, first and last time. */
function AccessLog({ sensors }: { sensors: Owned[] }) {
  const entries = useSignal<AccessEntry[] | null>(null);
  const sensor = useSignal('');
  const reader = useSignal('');
  useEffect(() => {
    void api
      .GET('/api/access-log', {
        params: {
          query: {
            limit: 500,
            ...(sensor.value ? { sensor: sensor.value } : {}),
            ...(reader.value ? { actor: reader.value } : {}),
          },
        },
      })
      .then(({ data }) => (entries.value = data?.items ?? []));
  }, [sensor.value, reader.value]);
  const self = me.value?.userId ? `user:${me.value.userId}` : '';
  const readers = [...new Set((entries.value ?? []).map((e) => e.actorId))].sort();
  return (
    <div class="panel">
      <h2>Who read my data</h2>
      <div class="toolbar">
        <label class="inline">
          Sensor
          <select value={sensor.value} onChange={(e) => (sensor.value = e.currentTarget.value)}>
            <option value="">all</option>
            {sensors.map((s) => (
              <option key={s.sensorId} value={s.sensorId}>
                {sensorLabel(s.sensorId)}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          Reader
          <select value={reader.value} onChange={(e) => (reader.value = e.currentTarget.value)}>
            <option value="">all</option>
            {[...new Set([...readers, ...(reader.value ? [reader.value] : [])])].map((r) => (
              <option key={r} value={r}>
                {r === self ? 'you' : r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {entries.value?.length === 0 && <p class="empty">Nobody read these sensors' data yet.</p>}
      {entries.value && entries.value.length > 0 && (
        <div class="table-scroll">
          <table class="stack" aria-label="Data access log">
            <thead>
              <tr>
                <th scope="col">Reader</th>
                <th scope="col">Sensor</th>
                <th scope="col" class="num">
                  Requests
                </th>
                <th scope="col" class="num">
                  Rows
                </th>
                <th scope="col">First</th>
                <th scope="col">Last</th>
              </tr>
            </thead>
            <tbody>
              {entries.value.map((e) => (
                <tr key={`${e.actorId} ${e.sensorId} ${e.firstAt}`} data-reader={e.actorId}>
                  <th scope="row" data-label="Reader">
                    {e.actorId === self ? 'you' : e.actorId}
                  </th>
                  <td data-label="Sensor">{sensorLabel(e.sensorId)}</td>
                  <td data-label="Requests" class="num">
                    {e.requests}
                  </td>
                  <td data-label="Rows" class="num">
                    {e.rows}
                  </td>
                  <td data-label="First">{dateTime(e.firstAt)}</td>
                  <td data-label="Last">{dateTime(e.lastAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function AccessPage() {
  const sensors = useSignal<Owned[] | null>(null);
  const given = useSignal<Grant[]>([]);
  const held = useSignal<Grant[]>([]);
  const failed = useSignal(false);
  const load = async () => {
    try {
      const [own, g, h] = await Promise.all([
        ownSensors(),
        api.GET('/api/grants', { params: { query: { role: 'given', limit: 200 } } }),
        api.GET('/api/grants', { params: { query: { role: 'held', limit: 200 } } }),
      ]);
      sensors.value = own;
      given.value = g.data?.items ?? [];
      held.value = h.data?.items ?? [];
    } catch {
      failed.value = true;
    }
  };
  useEffect(() => void load(), []);
  return (
    <section>
      <h1>Access</h1>
      <p class="muted">Who may see your sensors, the grants you gave and hold, and who read your data.</p>
      {failed.value && <p class="error">Your sensors could not be loaded; reload the page to try again.</p>}
      {sensors.value === null && !failed.value && <p role="status">Loading…</p>}
      {sensors.value && (
        <>
          <div class="panel">
            <h2>Visibility</h2>
            {sensors.value.length === 0 ? (
              <p class="empty">You own no sensors yet; they show here once your gateway reports them.</p>
            ) : (
              <div class="table-scroll">
                <table class="stack" aria-label="Visibility of your sensors">
                  <thead>
                    <tr>
                      <th scope="col">Sensor</th>
                      <th scope="col">Visibility</th>
                      <th scope="col">Who sees it</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sensors.value.map((s) => (
                      <VisibilityRow key={s.sensorId} sensor={s} grants={given.value} onChanged={() => void load()} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <GrantForm sensors={sensors.value} onGranted={() => void load()} />
          <div class="panel">
            <h2>Grants you gave</h2>
            <GrantsTable grants={given.value} label="Grants you gave" onRevoked={() => void load()} />
            <h2>Grants you hold</h2>
            <GrantsTable grants={held.value} label="Grants you hold" onRevoked={() => void load()} />
          </div>
          <AccessLog sensors={sensors.value} />
        </>
      )}
    </section>
  );
}
