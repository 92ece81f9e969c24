import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, type Schemas } from '../../api/client';
import { now } from '../../lib/clock';
import { ago, sensorLabel } from '../../lib/format';
import { sensorHref } from '../../lib/sensors';
import { actorName, AdminOnly } from './common';
import { Lifecycle, type Step } from './lifecycle';
import { allUsers, userNames } from './users-cache';
import { ConfigurationForm, describeSetting, KIND_LABEL, kindsFor, type Kind } from './node-forms';
import { AsOf, ConfigurationTable } from './node-as-of';

type NodeDetail = Schemas['NodeDetailDto'];
type Configuration = Schemas['NodeConfigurationViewDto'];
type Change = Schemas['ConfigurationChangeDto'];

export function nodeHref(nodeId: string): string {
  return `/admin/nodes/${encodeURIComponent(nodeId)}`;
}

const HISTORY_DAYS = 90;

type Names = ReadonlyMap<string, string>;

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
