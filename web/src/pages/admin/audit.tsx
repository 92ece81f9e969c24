import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { authorizedFetch } from '../../lib/auth';
import { dateTime } from '../../lib/format';
import { AdminOnly, problemText } from './common';

type Entry = Schemas['AuditEntryDto'];
interface Filter {
  actorId?: string;
  object?: string;
  type?: string;
  from?: string;
  to?: string;
}

const PAGE = 100;

function toFilter(form: FormData): Filter {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const instant = (name: string) => {
    const t = Date.parse(text(name));
    return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
  };
  const filter: Filter = {};
  if (text('actorId')) filter.actorId = text('actorId');
  if (text('object')) filter.object = text('object');
  if (text('type')) filter.type = text('type');
  const from = instant('from');
  const to = instant('to');
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

function AuditTrail() {
  const filter = useSignal<Filter>({});
  const entries = useSignal<Entry[] | null>(null);
  const next = useSignal<number | null>(null);
  const error = useSignal<string | null>(null);
  // Newest first: what just happened is what an admin usually comes to look at; "more" reads further back.
  const load = async (beforeSeq?: number) => {
    error.value = null;
    const { data, error: problem } = await api.GET('/api/audit', {
      params: {
        query: { ...filter.value, order: 'desc', limit: PAGE, ...(beforeSeq !== undefined ? { beforeSeq } : {}) },
      },
    });
    if (!data) {
      error.value = problemText(problem, 'the audit trail could not be loaded');
      entries.value = beforeSeq === undefined ? [] : entries.value;
      return;
    }
    entries.value = beforeSeq === undefined ? data.items : [...(entries.value ?? []), ...data.items];
    next.value = data.nextBeforeSeq;
  };
  useEffect(() => void load(), [filter.value]);
  // CSV of the same filter: fetched with the token (a plain link could not carry it), then saved from memory.
  const exportCsv = async () => {
    const query = new URLSearchParams({
      ...filter.value,
      format: 'csv',
      order: 'desc',
      limit: '1000',
    } as Record<string, string>);
    const response = await authorizedFetch(`/api/audit?${query.toString()}`);
    if (!response.ok) {
      error.value = 'the export failed';
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'audit.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section>
      <h1>Audit</h1>
      <form
        class="panel grid-form"
        aria-labelledby="audit-filter-heading"
        onSubmit={(e) => {
          e.preventDefault();
          filter.value = toFilter(new FormData(e.currentTarget));
        }}
      >
        <h2 id="audit-filter-heading">Filter</h2>
        <label>
          Actor
          <input name="actorId" placeholder="user:…" />
        </label>
        <label>
          Object
          <input name="object" placeholder="gateway, node, sensor or command id" />
        </label>
        <label>
          Event type
          <input name="type" placeholder="GatewayRegistered" />
        </label>
        <label>
          From
          <input name="from" type="datetime-local" />
        </label>
        <label>
          To
          <input name="to" type="datetime-local" />
        </label>
        <div class="wide actions">
          <button type="submit">Apply</button>
          <button type="button" onClick={() => void exportCsv()}>
            Export CSV
          </button>
        </div>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {entries.value === null && <p role="status">Loading…</p>}
      {entries.value?.length === 0 && <p class="empty">No entries match.</p>}
      {entries.value && entries.value.length > 0 && (
        <ol class="audit" aria-label="Audit entries">
          {entries.value.map((e) => (
            <li key={e.seq} data-type={e.type} data-seq={e.seq}>
              <details>
                <summary>
                  <time dateTime={e.recordedAt}>{dateTime(e.recordedAt)}</time> <strong>{e.type}</strong>{' '}
                  <span class="muted">{e.actorId ?? 'system'}</span> {e.summary}
                </summary>
                <dl class="facts">
                  <dt>Stream</dt>
                  <dd>
                    <code>{e.stream}</code> revision {e.revision}
                  </dd>
                  <dt>Event</dt>
                  <dd>
                    <code>{e.eventId}</code>
                  </dd>
                  <dt>Correlation</dt>
                  <dd>{e.correlationId ? <code>{e.correlationId}</code> : '—'}</dd>
                  <dt>Position</dt>
                  <dd>{e.seq}</dd>
                </dl>
              </details>
            </li>
          ))}
        </ol>
      )}
      {next.value !== null && (
        <button type="button" onClick={() => void load(next.value ?? undefined)}>
          Older entries
        </button>
      )}
    </section>
  );
}

export function AuditPage() {
  return (
    <AdminOnly title="Audit">
      <AuditTrail />
    </AdminOnly>
  );
}
