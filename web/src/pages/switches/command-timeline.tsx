import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type ActuatorCommand } from '../../api/client';
import { me } from '../../lib/auth';
import { dateTime } from '../../lib/format';

const ORIGIN: Record<ActuatorCommand['origin'], string> = { ui: 'web UI', api: 'API', cli: 'CLI', rule: 'rule' };
const OUTCOME: Record<ActuatorCommand['status'], string> = {
  requested: 'pending: waiting for the gateway',
  dispatched: 'pending: sent, waiting for the device',
  acknowledged: 'applied',
  failed: 'failed',
  timed_out: 'timed out',
};

/** "you" for the signed-in user's own commands, the admin for the bootstrap token, otherwise the actor id. */
export function actor(requestedBy: string): string {
  const self = me.value?.userId;
  if (self && requestedBy === `user:${self}`) return 'you';
  if (requestedBy === 'user:bootstrap-admin') return 'the administrator';
  return requestedBy;
}

/** One actuator's commands, newest first: who, when, from where, and how each ended; older pages on demand. */
export function CommandTimeline({ sensorId, reload }: { sensorId: string; reload: unknown }) {
  const items = useSignal<ActuatorCommand[] | null>(null);
  const next = useSignal<number | null>(null);
  const failed = useSignal(false);
  const load = async (before: number | null) => {
    const { data } = await api.GET('/api/actuator-commands', {
      params: { query: { sensor: sensorId, limit: 20, ...(before !== null ? { before } : {}) } },
    });
    if (!data) throw new Error('no timeline');
    items.value = before === null ? data.items : [...(items.value ?? []), ...data.items];
    next.value = data.nextBefore;
  };
  useEffect(() => {
    load(null).catch(() => (failed.value = true));
  }, [sensorId, reload]);
  if (failed.value) return <p class="error">The command timeline could not be loaded.</p>;
  if (items.value === null) return <p role="status">Loading the timeline…</p>;
  if (items.value.length === 0) return <p class="muted">No command was ever sent to this switch.</p>;
  return (
    <>
      <ol class="timeline" aria-label="Command timeline">
        {items.value.map((c) => (
          <li key={c.commandId} data-command-origin={c.origin} data-timeline-status={c.status}>
            <time dateTime={c.requestedAt}>{dateTime(c.requestedAt)}</time> <strong>{c.action}</strong> by{' '}
            {actor(c.requestedBy)} from the {ORIGIN[c.origin]}
            {c.reason ? ` (“${c.reason}”)` : ''}:{' '}
            <span class={c.status === 'failed' || c.status === 'timed_out' ? 'error' : ''}>
              {OUTCOME[c.status]}
              {c.outcome && c.status !== 'acknowledged' ? `: ${c.outcome}` : ''}
            </span>
            {c.finishedAt && (
              <span class="muted">
                {' '}
                after {Math.max(0, Math.round((Date.parse(c.finishedAt) - Date.parse(c.requestedAt)) / 100) / 10)} s
              </span>
            )}
          </li>
        ))}
      </ol>
      {next.value !== null && (
        <button type="button" onClick={() => void load(next.value).catch(() => (failed.value = true))}>
          Older commands
        </button>
      )}
    </>
  );
}
