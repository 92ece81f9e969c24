import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { now } from '../../lib/clock';
import { ago, dateTime } from '../../lib/format';
import { AdminOnly, Confirm, OnceSecret, problemText } from './common';
import { GatewayHistory } from './gateway-history';
import { GatewayStatus, type Gateway } from './gateways';
import { isFinal, Lifecycle, type Step } from './lifecycle';
import { nodeHref } from './node';
import { allUsers, userNames, type User } from './users-cache';

type GatewayConfiguration = Schemas['GatewayConfigurationViewDto'];
type Node = Schemas['NodeViewDto'];

function Details({ gateway, onSaved }: { gateway: Gateway; onSaved: () => void }) {
  const message = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    error.value = null;
    message.value = null;
    const { data, error: problem } = await api.PATCH('/api/gateways/{id}', {
      params: { path: { id: gateway.id } },
      body: {
        name: text('name'),
        description: text('description'),
        location: { lat: Number(text('lat')), lon: Number(text('lon')), label: text('label') },
      },
    });
    if (!data) {
      error.value = problemText(problem, 'the details were not saved');
      return;
    }
    message.value = data.changedFields.length > 0 ? `Saved: ${data.changedFields.join(', ')}.` : 'Nothing changed.';
    onSaved();
  };
  const retired = gateway.lifecycle === 'decommissioned';
  return (
    <form class="panel grid-form" onSubmit={(e) => void submit(e)} aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <label>
        Name
        <input name="name" required maxLength={100} defaultValue={gateway.name} disabled={retired} />
      </label>
      <label class="wide">
        Description
        <input name="description" defaultValue={gateway.description} disabled={retired} />
      </label>
      <fieldset class="wide" disabled={retired}>
        <legend>Location</legend>
        <label>
          Latitude
          <input name="lat" type="number" step="any" min={-90} max={90} required defaultValue={gateway.location.lat} />
        </label>
        <label>
          Longitude
          <input
            name="lon"
            type="number"
            step="any"
            min={-180}
            max={180}
            required
            defaultValue={gateway.location.lon}
          />
        </label>
        <label>
          Label
          <input name="label" defaultValue={gateway.location.label} />
        </label>
      </fieldset>
      <div class="wide actions">
        <button type="submit" disabled={retired}>
          Save details
        </button>
        <span role="status" class={error.value ? 'error' : 'muted'}>
          {error.value ?? message.value}
        </span>
      </div>
    </form>
  );
}

function KeyAndLifecycle({ gateway, users, onChanged }: { gateway: Gateway; users: User[]; onChanged: () => void }) {
  const key = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const owner = useSignal(gateway.ownerId);
  const ownerMessage = useSignal<string | null>(null);
  const retired = gateway.lifecycle === 'decommissioned';
  const rotate = async () => {
    error.value = null;
    const { data, error: problem } = await api.POST('/api/gateways/{id}/rotate-key', {
      params: { path: { id: gateway.id } },
    });
    if (!data) error.value = problemText(problem, 'the key was not rotated');
    else key.value = data.key;
    onChanged();
  };
  const decommission = async () => {
    error.value = null;
    const reason = (document.getElementById('decommission-reason') as HTMLInputElement | null)?.value.trim();
    const { data, error: problem } = await api.POST('/api/gateways/{id}/decommission', {
      params: { path: { id: gateway.id } },
      body: reason ? { reason } : {},
    });
    if (!data) error.value = problemText(problem, 'the gateway was not decommissioned');
    onChanged();
  };
  const handOver = async (event: SubmitEvent) => {
    event.preventDefault();
    ownerMessage.value = null;
    const { data, error: problem } = await api.POST('/api/gateways/{id}/owner', {
      params: { path: { id: gateway.id } },
      body: { ownerId: owner.value },
    });
    ownerMessage.value = data
      ? data.changed
        ? 'Handed over.'
        : 'It already belongs to that user.'
      : problemText(problem, 'the gateway was not handed over');
    onChanged();
  };
  return (
    <div class="panel">
      <h2>Key and lifecycle</h2>
      <p>
        Key fingerprint <code>{gateway.keyFingerprint}</code>
      </p>
      {key.value && <OnceSecret label="New network key" secret={key.value} onDone={() => (key.value = null)} />}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {!retired && (
        <>
          <div class="actions wrap">
            <Confirm
              label="Rotate key"
              question="A new key replaces the current one; the gateway's live sessions drop at once until its agent uses the new key."
              confirmLabel="Rotate now"
              onConfirm={rotate}
            />
          </div>
          <form class="inline wrap" onSubmit={(e) => void handOver(e)}>
            <label for="new-owner">New owner</label>
            <select id="new-owner" value={owner.value} onChange={(e) => (owner.value = e.currentTarget.value)}>
              {!users.some((u) => u.userId === gateway.ownerId) && (
                <option value={gateway.ownerId}>{gateway.ownerId}</option>
              )}
              {users.map((u) => (
                <option key={u.userId} value={u.userId}>
                  {u.displayName} ({u.email})
                </option>
              ))}
            </select>
            <button type="submit">Hand over</button>
            <span role="status" class="muted">
              {ownerMessage.value}
            </span>
          </form>
          <label class="inline wrap">
            Reason for decommissioning (optional)
            <input id="decommission-reason" maxLength={500} />
          </label>
          <div class="actions">
            <Confirm
              label="Decommission"
              danger
              question={`Retire ${gateway.name}? Its key stops working for good; this cannot be undone.`}
              confirmLabel="Decommission for good"
              onConfirm={decommission}
            />
          </div>
        </>
      )}
      {retired && gateway.decommissionedAt && <p>Decommissioned {dateTime(gateway.decommissionedAt)}.</p>}
    </div>
  );
}

function describeNetworkValue(value: unknown): string {
  const v = value as { kind?: string; seconds?: number; channel?: number; open?: boolean; until?: string | null };
  if (!v || typeof v !== 'object') return '—';
  if (v.kind === 'channel') return `channel ${v.channel}`;
  if (v.open === true) return `joining open${v.until ? ` until ${dateTime(v.until)}` : ''}`;
  if (v.open === false) return 'joining closed';
  if (v.kind === 'permit_join') return v.seconds === 0 ? 'close joining' : `open joining for ${v.seconds} s`;
  return JSON.stringify(v);
}

/** Permit join and channel: the request, then its steps as the gateway answers, until it ends. */
function Network({ gateway }: { gateway: Gateway }) {
  const config = useSignal<GatewayConfiguration | null>(null);
  const followed = useSignal<{ requestId: string; steps: Step[] } | null>(null);
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const loadConfig = async () => {
    const { data } = await api.GET('/api/gateways/{id}/configuration', { params: { path: { id: gateway.id } } });
    if (data) config.value = data;
  };
  // Following a request stops when the page goes away.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    void loadConfig();
    return () => {
      alive.current = false;
    };
  }, [gateway.id]);
  const follow = async (requestId: string, since: string) => {
    followed.value = { requestId, steps: [] };
    for (;;) {
      const { data } = await api.GET('/api/gateways/{id}/configuration/changes', {
        params: {
          path: { id: gateway.id },
          query: { from: since, to: new Date(Date.now() + 86_400_000).toISOString() },
        },
      });
      const steps = (data ?? []).filter((s) => s.requestId === requestId);
      if (!alive.current || followed.value?.requestId !== requestId) return;
      followed.value = { requestId, steps };
      if (isFinal(steps)) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await loadConfig();
  };
  const request = async (event: SubmitEvent, kind: 'permit_join' | 'channel') => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const value = Number(form.get('value'));
    error.value = null;
    busy.value = true;
    // Wide margins: the browser's clock may be off from the server's.
    const since = new Date(Date.now() - 600_000).toISOString();
    const { data, error: problem } = await api.POST('/api/gateways/{id}/network-configuration', {
      params: { path: { id: gateway.id } },
      body:
        kind === 'channel' ? { kind, channel: value, reason: 'web UI' } : { kind, seconds: value, reason: 'web UI' },
    });
    busy.value = false;
    if (!data) {
      error.value = problemText(problem, 'the request was refused');
      return;
    }
    await loadConfig();
    void follow(data.requestId, since);
  };
  const zigbee = gateway.networkType === 'zigbee';
  const retired = gateway.lifecycle === 'decommissioned';
  return (
    <div class="panel">
      <h2>Network</h2>
      {config.value && config.value.network.length > 0 && (
        <div class="table-scroll">
          <table class="stack" aria-label="Network settings">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                <th scope="col">Desired</th>
                <th scope="col">Applied</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {config.value.network.map((f) => (
                <tr key={f.field}>
                  <th scope="row" data-label="Setting">
                    {f.field === 'network.channel' ? 'Channel' : 'Permit join'}
                  </th>
                  <td data-label="Desired">{f.desired ? describeNetworkValue(f.desired.value) : '—'}</td>
                  <td data-label="Applied">{f.applied ? describeNetworkValue(f.applied.value) : '—'}</td>
                  <td data-label="State">{f.sync}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {config.value?.pending.map((p) => (
        <p key={p.requestId} class="muted">
          Waiting: {p.field === 'network.channel' ? 'channel change' : 'permit join'} {p.status}{' '}
          {ago(p.requestedAt, now.value)}, expires {dateTime(p.expiresAt)}.
        </p>
      ))}
      {!retired && (
        <div class="toolbar">
          <form class="inline wrap" onSubmit={(e) => void request(e, 'permit_join')}>
            <label class="inline">
              Permit join for (s)
              <input name="value" type="number" min={0} max={254} value={60} required />
            </label>
            <button type="submit" disabled={busy.value}>
              Permit join
            </button>
          </form>
          {zigbee && (
            <form class="inline wrap" onSubmit={(e) => void request(e, 'channel')}>
              <label class="inline">
                Channel
                <input name="value" type="number" min={11} max={26} value={15} required />
              </label>
              <button type="submit" disabled={busy.value}>
                Change channel
              </button>
            </form>
          )}
        </div>
      )}
      {!zigbee && <p class="muted">The channel of a {gateway.networkType} network is set on the bridge itself.</p>}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <div aria-live="polite" data-network-request={followed.value?.requestId ?? ''}>
        {followed.value && <Lifecycle steps={followed.value.steps} />}
      </div>
    </div>
  );
}

function Nodes({ gatewayId }: { gatewayId: string }) {
  const nodes = useSignal<Node[] | null>(null);
  useEffect(() => {
    void api
      .GET('/api/nodes', { params: { query: { gateway: gatewayId, limit: 500 } } })
      .then(({ data }) => (nodes.value = data?.items ?? []));
  }, [gatewayId]);
  return (
    <div class="panel">
      <h2>Nodes</h2>
      {nodes.value === null && <p role="status">Loading…</p>}
      {nodes.value?.length === 0 && <p class="empty">No devices reported by this gateway yet.</p>}
      {nodes.value && nodes.value.length > 0 && (
        <div class="table-scroll">
          <table class="stack" aria-label="Nodes">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Model</th>
                <th scope="col">Firmware</th>
                <th scope="col" class="num">
                  Link quality
                </th>
                <th scope="col">Last seen</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {nodes.value.map((n) => (
                <tr key={n.nodeId}>
                  <th scope="row" data-label="Node">
                    <a href={nodeHref(n.nodeId)}>{n.nodeId}</a>
                  </th>
                  <td data-label="Model">{[n.vendor, n.model].filter(Boolean).join(' ') || '—'}</td>
                  <td data-label="Firmware">{n.firmware ?? '—'}</td>
                  <td data-label="Link quality" class="num">
                    {n.linkQuality ?? '—'}
                  </td>
                  <td data-label="Last seen">{ago(n.lastSeenAt, now.value)}</td>
                  <td data-label="Status">{n.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function GatewayDetail({ id }: { id: string }) {
  const gateway = useSignal<Gateway | null | undefined>(undefined);
  const users = useSignal<User[]>([]);
  const load = async () => {
    const { data } = await api.GET('/api/gateways/{id}', { params: { path: { id } } });
    gateway.value = data ?? null;
  };
  useEffect(() => {
    void load();
    allUsers()
      .then((all) => (users.value = all))
      .catch(() => undefined);
    const timer = setInterval(() => void load(), 5000);
    return () => clearInterval(timer);
  }, [id]);
  const g = gateway.value;
  if (g === undefined) return <p role="status">Loading…</p>;
  if (g === null)
    return (
      <section>
        <h1>Gateway not found</h1>
        <p>
          There is no gateway {id}. <a href="/admin/gateways">All gateways</a>
        </p>
      </section>
    );
  const names = userNames(users.value);
  return (
    <section>
      <p class="crumbs">
        <a href="/admin/gateways">Gateways</a>
      </p>
      <h1>{g.name}</h1>
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <GatewayStatus gateway={g} /> {g.openSessions > 0 ? `(${g.openSessions} sessions)` : ''}
        </dd>
        <dt>Id</dt>
        <dd>
          <code>{g.id}</code>
        </dd>
        <dt>Network</dt>
        <dd>
          {g.networkType} at {g.address}
        </dd>
        <dt>Owner</dt>
        <dd>{names.get(g.ownerId) ?? g.ownerId}</dd>
        <dt>Last seen</dt>
        <dd>{ago(g.lastSeenAt, now.value)}</dd>
        <dt>Received</dt>
        <dd>
          {g.framesReceived} frames, {g.readingsReceived} readings, {g.payloadsUndecoded} undecoded
          {g.lastUndecodedReason ? ` (latest: ${g.lastUndecodedReason})` : ''}
        </dd>
        <dt>Last refused connection</dt>
        <dd>
          {g.lastRefusal ? `${dateTime(g.lastRefusal.at)}: ${g.lastRefusal.reason}, ${g.lastRefusal.detail}` : '—'}
        </dd>
        <dt>Registered</dt>
        <dd>{dateTime(g.registeredAt)}</dd>
      </dl>
      <KeyAndLifecycle gateway={g} users={users.value} onChanged={() => void load()} />
      {(g.networkType === 'zigbee' || g.networkType === 'zigbee2mqtt') && <Network gateway={g} />}
      <Details gateway={g} onSaved={() => void load()} />
      <Nodes gatewayId={g.id} />
      <GatewayHistory
        gatewayId={g.id}
        names={names}
        stamp={[g.name, g.description, g.ownerId, g.keyFingerprint, g.lifecycle, JSON.stringify(g.location)].join('|')}
      />
    </section>
  );
}

export function GatewayPage() {
  const { params } = useRoute();
  return (
    <AdminOnly title="Gateways">
      <GatewayDetail id={params.id ?? ''} />
    </AdminOnly>
  );
}
