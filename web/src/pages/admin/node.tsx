import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { now } from '../../lib/clock';
import { ago, dateTime, sensorLabel } from '../../lib/format';
import { sensorHref } from '../../lib/sensors';
import { actorName, AdminOnly } from './common';
import { Lifecycle, type Step } from './lifecycle';
import { allUsers, userNames } from './users-cache';
import { ConfigurationForm, describeSetting, KIND_LABEL, kindsFor, type Kind } from './node-forms';

type NodeDetail = Schemas['NodeDetailDto'];
type Configuration = Schemas['NodeConfigurationViewDto'];
type Change = Schemas['ConfigurationChangeDto'];

export function nodeHref(nodeId: string): string {
  return `/admin/nodes/${encodeURIComponent(nodeId)}`;
}

const HISTORY_DAYS = 90;

type Names = ReadonlyMap<string, string>;

function ConfigurationTable({ config, caption, names }: { config: Configuration; caption: string; names: Names }) {
  const pendingSince = new Map(config.pending.map((p) => [p.field, p]));
  if (config.fields.length === 0) return <p class="empty">No setting was ever asked for on this node.</p>;
  return (
    <div class="table-scroll">
      <table class="stack" aria-label={caption}>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Desired</th>
            <th scope="col">Applied</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {config.fields.map((f) => {
            const pending = pendingSince.get(f.field);
            return (
              <tr key={f.field} data-field={f.field} data-sync={f.sync}>
                <th scope="row" data-label="Setting">
                  {f.field}
                </th>
                <td data-label="Desired">
                  {f.desired ? describeSetting(f.desired.value) : '—'}
                  {f.desired && (
                    <span class="muted small">
                      {' '}
                      by {actorName(f.desired.by, names)}, {dateTime(f.desired.at)}
                    </span>
                  )}
                </td>
                <td data-label="Applied">
                  {f.applied ? describeSetting(f.applied.value) : '—'}
                  {f.applied && <span class="muted small"> {dateTime(f.applied.at)}</span>}
                </td>
                <td data-label="State" class={f.sync === 'differs' ? 'error' : ''}>
                  {f.sync === 'pending' && pending
                    ? `pending since ${dateTime(pending.requestedAt)} (${pending.status})`
                    : f.sync === 'differs'
                      ? 'differs: the last request failed'
                      : f.sync}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Requests newest first, each with its steps. */
function Requests({ changes, names }: { changes: Change[]; names: Names }) {
  const byRequest = new Map<string, Change[]>();
  for (const c of changes) byRequest.set(c.requestId, [...(byRequest.get(c.requestId) ?? []), c]);
  const requests = [...byRequest.values()].reverse().slice(0, 10);
  if (requests.length === 0) return <p class="muted">No requests in the last {HISTORY_DAYS} days.</p>;
  return (
    <ul class="requests">
      {requests.map((steps) => {
        const first = steps[0]!;
        const asked = steps.find((s) => s.type.endsWith('Requested'));
        return (
          <li key={first.requestId} data-request={first.requestId}>
            <strong>{first.field}</strong> {asked ? `→ ${describeSetting(asked.after)}` : ''}{' '}
            <span class="muted small">by {actorName(first.by, names)}</span>
            <Lifecycle steps={steps as Step[]} />
          </li>
        );
      })}
    </ul>
  );
}

/** The configuration as it was at any instant: a slider over the instants it changed, and a calendar. */
/** The configuration at an instant, fetched again whenever the instant changes. */
function useConfigurationAt(nodeId: string, at: string | null) {
  const view = useSignal<Configuration | null>(null);
  useEffect(() => {
    if (!at) return;
    void api
      .GET('/api/nodes/{nodeId}/configuration', { params: { path: { nodeId }, query: { at } } })
      .then(({ data }) => (view.value = data ?? null));
  }, [at, nodeId]);
  return at ? view.value : null;
}

/** A field in words at one instant: what was asked and what the device ran. */
function fieldState(config: Configuration, field: string): string {
  const f = config.fields.find((x) => x.field === field);
  if (!f) return 'not set';
  const desired = f.desired ? describeSetting(f.desired.value) : '—';
  const applied = f.applied ? describeSetting(f.applied.value) : '—';
  return desired === applied ? desired : `${desired} (applied: ${applied})`;
}

function Diff({ from, to }: { from: Configuration; to: Configuration }) {
  const fields = [...new Set([...from.fields, ...to.fields].map((f) => f.field))].sort();
  const changed = fields.filter((f) => fieldState(from, f) !== fieldState(to, f));
  if (changed.length === 0) return <p>Nothing differs between the two instants.</p>;
  return (
    <div class="table-scroll">
      <table class="stack" aria-label="Differences between the two instants">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">At {dateTime(from.at)}</th>
            <th scope="col">At {dateTime(to.at)}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((f) => (
            <tr key={f}>
              <th scope="row" data-label="Setting">
                {f}
              </th>
              <td data-label="Before">{fieldState(from, f)}</td>
              <td data-label="After">{fieldState(to, f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InstantPicker(props: { label: string; instants: string[]; at: string | null; onPick: (at: string) => void }) {
  const { instants, at } = props;
  const index = at && instants.includes(at) ? instants.indexOf(at) : instants.length - 1;
  const local = (iso: string) => {
    const d = new Date(iso);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  };
  return (
    <fieldset class="toolbar picker">
      <legend>{props.label}</legend>
      <label class="inline">
        Change
        <input
          type="range"
          min={0}
          max={instants.length - 1}
          value={index}
          aria-valuetext={dateTime(instants[index]!)}
          onInput={(e) => props.onPick(instants[Number(e.currentTarget.value)]!)}
        />
      </label>
      <label class="inline">
        Instant
        <input
          type="datetime-local"
          value={at ? local(at) : ''}
          onChange={(e) => {
            const t = Date.parse(e.currentTarget.value);
            if (Number.isFinite(t)) props.onPick(new Date(t).toISOString());
          }}
        />
      </label>
    </fieldset>
  );
}

/** The configuration as it was at any instant (a slider over the instants it changed, and a calendar), and a diff. */
function AsOf({ nodeId, changes, names }: { nodeId: string; changes: Change[]; names: Names }) {
  const instants = [...new Set(changes.map((c) => c.at))].sort();
  const at = useSignal<string | null>(null);
  const compare = useSignal<string | null>(null);
  const view = useConfigurationAt(nodeId, at.value);
  const other = useConfigurationAt(nodeId, compare.value ?? instants.at(-1) ?? null);
  if (instants.length === 0) return null;
  return (
    <div class="panel">
      <h2>Configuration as of</h2>
      <InstantPicker label="Show" instants={instants} at={at.value} onPick={(t) => (at.value = t)} />
      {at.value && view && (
        <div aria-live="polite">
          <p>
            As it was at <time dateTime={view.at}>{dateTime(view.at)}</time>:
          </p>
          <ConfigurationTable config={view} caption="Configuration as of the chosen instant" names={names} />
          <h3>Compared with another instant</h3>
          <InstantPicker
            label="Compare with"
            instants={instants}
            at={compare.value}
            onPick={(t) => (compare.value = t)}
          />
          {other && <Diff from={view} to={other} />}
        </div>
      )}
      {!at.value && <p class="muted">Move the slider or pick an instant to see the settings as they were then.</p>}
    </div>
  );
}

function NodeView({ nodeId }: { nodeId: string }) {
  const node = useSignal<NodeDetail | null | undefined>(undefined);
  const config = useSignal<Configuration | null>(null);
  const changes = useSignal<Change[]>([]);
  const kind = useSignal<Kind | null>(null);
  const users = useSignal<Awaited<ReturnType<typeof allUsers>>>([]);
  const load = async () => {
    const [n, c, h] = await Promise.all([
      api.GET('/api/nodes/{nodeId}', { params: { path: { nodeId } } }),
      api.GET('/api/nodes/{nodeId}/configuration', { params: { path: { nodeId } } }),
      api.GET('/api/nodes/{nodeId}/configuration/changes', {
        params: {
          path: { nodeId },
          query: {
            from: new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString(),
            // A day ahead: the browser's clock may be off from the server's.
            to: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      }),
    ]);
    node.value = n.data ?? null;
    config.value = c.data ?? null;
    changes.value = h.data ?? [];
  };
  useEffect(() => {
    void load();
    allUsers()
      .then((all) => (users.value = all))
      .catch(() => undefined);
  }, [nodeId]);
  // While a request waits for the device, follow it.
  const waiting = (config.value?.pending.length ?? 0) > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [waiting, nodeId]);
  const n = node.value;
  if (n === undefined) return <p role="status">Loading…</p>;
  if (n === null)
    return (
      <section>
        <h1>Node not found</h1>
        <p>
          There is no node {nodeId}. <a href="/admin/gateways">All gateways</a>
        </p>
      </section>
    );
  const kinds = kindsFor(n.protocol);
  const names = userNames(users.value);
  return (
    <section>
      <p class="crumbs">
        <a href="/admin/gateways">Gateways</a> ›{' '}
        <a href={`/admin/gateways/${encodeURIComponent(n.gatewayId)}`}>{n.gatewayId}</a>
      </p>
      <h1>{n.nodeId}</h1>
      <dl class="facts">
        <dt>Model</dt>
        <dd>{[n.vendor, n.model].filter(Boolean).join(' ') || '—'}</dd>
        <dt>Firmware</dt>
        <dd>{n.firmware ?? '—'}</dd>
        <dt>Link quality</dt>
        <dd>{n.linkQuality ?? '—'}</dd>
        <dt>Last seen</dt>
        <dd>{ago(n.lastSeenAt, now.value)}</dd>
        <dt>Status</dt>
        <dd>
          {n.status}
          {n.availability ? `, ${n.availability}` : ''}
        </dd>
        <dt>Sensors</dt>
        <dd>
          {n.sensorIds.length === 0
            ? 'none reported yet'
            : n.sensorIds.map((s, i) => (
                <span key={s}>
                  {i > 0 ? ', ' : ''}
                  <a href={sensorHref(s)}>{sensorLabel(s)}</a>
                </span>
              ))}
        </dd>
      </dl>
      <div class="panel">
        <h2>Configuration: desired and applied</h2>
        {config.value && <ConfigurationTable config={config.value} caption="Configuration now" names={names} />}
      </div>
      <div class="panel">
        <h2>Change a setting</h2>
        <div class="toolbar" role="group" aria-label="Setting to change">
          {kinds.map((k) => (
            <button key={k} type="button" aria-pressed={kind.value === k} onClick={() => (kind.value = k)}>
              {KIND_LABEL[k]}
            </button>
          ))}
        </div>
        {kind.value && (
          <ConfigurationForm key={kind.value} nodeId={n.nodeId} kind={kind.value} onRequested={() => void load()} />
        )}
      </div>
      <div class="panel" aria-live="polite">
        <h2>Requests</h2>
        <Requests changes={changes.value} names={names} />
      </div>
      <AsOf nodeId={n.nodeId} changes={changes.value} names={names} />
    </section>
  );
}

export function NodePage() {
  const { params } = useRoute();
  return (
    <AdminOnly title="Nodes">
      <NodeView nodeId={params.nodeId ?? ''} />
    </AdminOnly>
  );
}
