import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { AdminOnly } from './common';
import { ReplayPanel } from './replay';

type Health = Schemas['HealthReportDto'];

/** Health of the stores and how far each read model is behind the log, refreshed every 2 s. */
function SystemHealth() {
  const health = useSignal<Health | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    const load = async () => {
      // /health answers 503 with the same report when something is down.
      const { data, error } = await api.GET('/health');
      const report = data ?? (error as unknown as Health | undefined) ?? null;
      failed.value = report === null || !('checks' in report);
      if (!failed.value) health.value = report;
    };
    void load();
    const timer = setInterval(() => void load(), 2000);
    return () => clearInterval(timer);
  }, []);
  const h = health.value;
  return (
    <section>
      <h1>System</h1>
      {failed.value && (
        <p class="error" role="alert">
          The server's health could not be read.
        </p>
      )}
      {!h && !failed.value && <p role="status">Loading…</p>}
      {h && (
        <>
          <dl class="facts">
            <dt>Overall</dt>
            <dd>
              <span class={`pill ${h.status === 'up' ? 'on' : 'off'}`}>{h.status}</span>
            </dd>
            <dt>Event store</dt>
            <dd>
              {h.checks.eventStore.status}
              {h.checks.eventStore.error ? `: ${h.checks.eventStore.error}` : ''}
            </dd>
            <dt>Read models</dt>
            <dd>
              {h.checks.readModels.status}
              {h.checks.readModels.error ? `: ${h.checks.readModels.error}` : ''}
            </dd>
          </dl>
          <div class="panel">
            <h2>Projections</h2>
            {h.projections.length === 0 ? (
              <p class="empty">No projection status while a database is down.</p>
            ) : (
              <div class="table-scroll">
                <table class="stack" aria-label="Projections">
                  <thead>
                    <tr>
                      <th scope="col">Read model</th>
                      <th scope="col" class="num">
                        Events behind
                      </th>
                      <th scope="col">Runs here</th>
                      <th scope="col">Last error</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.projections.map((p) => (
                      <tr key={p.name} data-projection={p.name}>
                        <th scope="row" data-label="Read model">
                          {p.name}
                        </th>
                        <td data-label="Events behind" class="num">
                          {p.lag}
                        </td>
                        <td data-label="Runs here">{p.active ? 'yes' : 'no'}</td>
                        <td data-label="Last error" class={p.lastError ? 'error' : ''}>
                          {p.lastError ?? '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </>
      )}
      <ReplayPanel />
    </section>
  );
}

export function SystemPage() {
  return (
    <AdminOnly title="System">
      <SystemHealth />
    </AdminOnly>
  );
}
