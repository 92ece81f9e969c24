import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { dateTime } from '../../lib/format';
import { actorName } from './common';

type View = Schemas['GatewayConfigurationViewDto'];

const FIELD_LABEL: Record<string, string> = {
  name: 'Name',
  networkType: 'Network type',
  address: 'Address',
  description: 'Description',
  location: 'Location',
  ownerId: 'Owner',
  keyFingerprint: 'Key fingerprint',
  lifecycle: 'Lifecycle',
};

function valueText(field: string, value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return '—';
  if (field === 'ownerId' && typeof value === 'string') return names.get(value) ?? value;
  if (field === 'location' && typeof value === 'object') {
    const l = value as { lat?: number; lon?: number; label?: string };
    return `${l.lat ?? '?'}, ${l.lon ?? '?'}${l.label ? ` (${l.label})` : ''}`;
  }
  return typeof value === 'string' ? value || '(empty)' : JSON.stringify(value);
}

/**
 * The gateway's own fields as they were at an instant, each with who set it and when: a slider over the instants
 * they changed (from registration to now) and a calendar.
 */
export function GatewayHistory(props: {
  gatewayId: string;
  names: ReadonlyMap<string, string>;
  /** Changes whenever the gateway's fields do, so the list of instants and the current view follow edits. */
  stamp: string;
}) {
  const { gatewayId, names, stamp } = props;
  const instants = useSignal<string[]>([]);
  const at = useSignal<string | null>(null);
  const view = useSignal<View | null>(null);
  useEffect(() => {
    void api
      .GET('/api/gateways/{id}/configuration/changes', {
        params: {
          path: { id: gatewayId },
          // From the start of the log to a day ahead (the browser's clock may be off from the server's).
          query: { from: '2000-01-01T00:00:00Z', to: new Date(Date.now() + 86_400_000).toISOString() },
        },
      })
      .then(({ data }) => (instants.value = [...new Set((data ?? []).map((c) => c.at))].sort()));
  }, [gatewayId, stamp]);
  useEffect(() => {
    void api
      .GET('/api/gateways/{id}/configuration', {
        params: { path: { id: gatewayId }, query: at.value ? { at: at.value } : {} },
      })
      .then(({ data }) => (view.value = data ?? null));
  }, [gatewayId, at.value, stamp]);
  const list = instants.value;
  const index = at.value && list.includes(at.value) ? list.indexOf(at.value) : list.length - 1;
  const v = view.value;
  return (
    <div class="panel">
      <h2>Details as of</h2>
      {list.length > 1 && (
        <div class="toolbar">
          <label class="inline">
            Change
            <input
              type="range"
              min={0}
              max={list.length - 1}
              value={index}
              aria-valuetext={dateTime(list[index]!)}
              onInput={(e) => (at.value = list[Number(e.currentTarget.value)]!)}
            />
          </label>
          <label class="inline">
            Instant
            <input
              type="datetime-local"
              onChange={(e) => {
                const t = Date.parse(e.currentTarget.value);
                if (Number.isFinite(t)) at.value = new Date(t).toISOString();
              }}
            />
          </label>
        </div>
      )}
      {v && (
        <div aria-live="polite">
          <p class="muted">
            {at.value ? (
              <>
                As it was at <time dateTime={v.at}>{dateTime(v.at)}</time>.
              </>
            ) : (
              'Now.'
            )}
          </p>
          {v.revision === null ? (
            <p class="empty">The gateway did not exist yet.</p>
          ) : (
            <div class="table-scroll">
              <table class="stack" aria-label="Gateway details as of the chosen instant">
                <thead>
                  <tr>
                    <th scope="col">Field</th>
                    <th scope="col">Value</th>
                    <th scope="col">Set by</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(v.fields).map(([field, set]) => (
                    <tr key={field} data-field={field}>
                      <th scope="row" data-label="Field">
                        {FIELD_LABEL[field] ?? field}
                      </th>
                      <td data-label="Value">{valueText(field, set.value, names)}</td>
                      <td data-label="Set by">
                        {actorName(set.by, names)}, {dateTime(set.at)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
