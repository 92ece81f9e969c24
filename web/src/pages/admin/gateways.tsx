import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { now } from '../../lib/clock';
import { ago } from '../../lib/format';
import { AdminOnly, OnceSecret, problemText } from './common';
import { allUsers, userNames, type User } from './users-cache';

export type Gateway = Schemas['GatewayViewDto'];
export const NETWORK_TYPES: readonly Gateway['networkType'][] = ['zigbee', 'zigbee2mqtt', 'dsmr', 'modbus'];

export function gatewayHref(id: string): string {
  return `/admin/gateways/${encodeURIComponent(id)}`;
}

/** Online/offline, or retired; the words are the status, the colour only repeats them. */
export function GatewayStatus({ gateway }: { gateway: Gateway }) {
  if (gateway.lifecycle === 'decommissioned') return <span class="pill off">decommissioned</span>;
  return <span class={`pill ${gateway.connection === 'online' ? 'on' : 'off'}`}>{gateway.connection}</span>;
}

async function allGateways(): Promise<Gateway[]> {
  const gateways: Gateway[] = [];
  let after: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const { data } = await api.GET('/api/gateways', { params: { query: { limit: 500, ...(after ? { after } : {}) } } });
    if (!data) throw new Error('could not load the gateways');
    gateways.push(...data.items);
    if (!data.nextAfter) break;
    after = data.nextAfter;
  }
  return gateways;
}

function optionalNumber(form: FormData, name: string): number {
  return Number(String(form.get(name) ?? '').trim());
}

/** Register a gateway; the answer's network key is handed to `onKey`, which shows it once. */
function RegisterForm(props: { users: readonly User[]; onRegistered: (key: Schemas['IssuedNetworkKeyDto']) => void }) {
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    busy.value = true;
    error.value = null;
    const { data, error: problem } = await api.POST('/api/gateways', {
      body: {
        ...(text('id') ? { id: text('id') } : {}),
        name: text('name'),
        networkType: text('networkType') as Gateway['networkType'],
        address: text('address'),
        description: text('description'),
        location: { lat: optionalNumber(form, 'lat'), lon: optionalNumber(form, 'lon'), label: text('label') },
        ...(text('ownerId') ? { ownerId: text('ownerId') } : {}),
      },
    });
    busy.value = false;
    if (!data) {
      error.value = problemText(problem, 'the gateway was not registered');
      return;
    }
    formElement.reset();
    props.onRegistered(data);
  };
  return (
    <form class="panel grid-form" onSubmit={(e) => void submit(e)} aria-labelledby="register-heading">
      <h2 id="register-heading">Register a gateway</h2>
      <label>
        Name
        <input name="name" required maxLength={100} />
      </label>
      <label>
        Network type
        <select name="networkType" required>
          {NETWORK_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Address
        <input name="address" required placeholder="192.0.2.10" />
      </label>
      <label>
        Id (optional)
        <input name="id" placeholder="generated when empty" />
      </label>
      <label class="wide">
        Description
        <input name="description" />
      </label>
      <fieldset class="wide">
        <legend>Location</legend>
        <label>
          Latitude
          <input name="lat" type="number" step="any" min={-90} max={90} required />
        </label>
        <label>
          Longitude
          <input name="lon" type="number" step="any" min={-180} max={180} required />
        </label>
        <label>
          Label
          <input name="label" placeholder="Meter cupboard" />
        </label>
      </fieldset>
      <label>
        Owner
        <select name="ownerId">
          <option value="">me</option>
          {props.users.map((u) => (
            <option key={u.userId} value={u.userId}>
              {u.displayName} ({u.email})
            </option>
          ))}
        </select>
      </label>
      {error.value && (
        <p class="error wide" role="alert">
          {error.value}
        </p>
      )}
      <div class="wide">
        <button type="submit" disabled={busy.value}>
          {busy.value ? 'Registering…' : 'Register'}
        </button>
      </div>
    </form>
  );
}

function GatewaysList() {
  const gateways = useSignal<Gateway[] | null>(null);
  const users = useSignal<User[]>([]);
  const failed = useSignal(false);
  const issued = useSignal<Schemas['IssuedNetworkKeyDto'] | null>(null);
  const showRetired = useSignal(false);
  const load = () =>
    allGateways()
      .then((all) => (gateways.value = all))
      .catch(() => (failed.value = true));
  useEffect(() => {
    void load();
    allUsers()
      .then((all) => (users.value = all))
      .catch(() => undefined);
    // Status (online, counters) changes while the page is open.
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, []);
  const names = userNames(users.value);
  const shown = (gateways.value ?? []).filter((g) => showRetired.value || g.lifecycle !== 'decommissioned');
  return (
    <section>
      <h1>Gateways</h1>
      {issued.value && (
        <div class="panel">
          <p>
            Gateway <a href={gatewayHref(issued.value.id)}>{issued.value.id}</a> is registered. Configure its agent with
            this key.
          </p>
          <OnceSecret label="Network key" secret={issued.value.key} onDone={() => (issued.value = null)} />
        </div>
      )}
      {failed.value && <p class="error">The gateways could not be loaded; reload the page to try again.</p>}
      {gateways.value === null && !failed.value && <p role="status">Loading…</p>}
      <div class="toolbar">
        <label class="inline">
          <input
            type="checkbox"
            checked={showRetired.value}
            onChange={(e) => (showRetired.value = e.currentTarget.checked)}
          />
          Show decommissioned
        </label>
      </div>
      {gateways.value && shown.length === 0 && (
        <p class="empty">No gateways yet. Register one below; its agent connects with the key shown then.</p>
      )}
      {shown.length > 0 && (
        <div class="table-scroll">
          <table class="stack" aria-label="Gateways">
            <thead>
              <tr>
                <th scope="col">Gateway</th>
                <th scope="col">Status</th>
                <th scope="col">Last seen</th>
                <th scope="col" class="num">
                  Frames
                </th>
                <th scope="col" class="num">
                  Readings
                </th>
                <th scope="col">Undecoded</th>
                <th scope="col">Last refusal</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((g) => (
                <tr key={g.id} data-gateway={g.id}>
                  <th scope="row" data-label="Gateway">
                    <a href={gatewayHref(g.id)}>{g.name}</a> <span class="muted">{g.networkType}</span>
                  </th>
                  <td data-label="Status">
                    <GatewayStatus gateway={g} />
                  </td>
                  <td data-label="Last seen">{ago(g.lastSeenAt, now.value)}</td>
                  <td data-label="Frames" class="num">
                    {g.framesReceived}
                  </td>
                  <td data-label="Readings" class="num">
                    {g.readingsReceived}
                  </td>
                  <td data-label="Undecoded">
                    {g.payloadsUndecoded}
                    {g.lastUndecodedReason ? ` (latest: ${g.lastUndecodedReason})` : ''}
                  </td>
                  <td data-label="Last refusal">
                    {g.lastRefusal ? `${g.lastRefusal.reason}, ${ago(g.lastRefusal.at, now.value)}` : '—'}
                  </td>
                  <td data-label="Owner">{names.get(g.ownerId) ?? g.ownerId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterForm
        users={users.value}
        onRegistered={(key) => {
          issued.value = key;
          void load();
        }}
      />
    </section>
  );
}

export function GatewaysPage() {
  return (
    <AdminOnly title="Gateways">
      <GatewaysList />
    </AdminOnly>
  );
}
