import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api } from '../../api/client';
import type { DashboardVersion } from '../../lib/dashboards';
import { me } from '../../lib/auth';
import { dateTime } from '../../lib/format';

/** "you" for the caller's own changes, else the actor id as stored. */
function who(actorId: string): string {
  return me.value?.userId !== undefined && actorId === `user:${me.value.userId}` ? 'you' : actorId;
}

/**
 * Every version of the dashboard, newest first, with who made it and what changed. The list comes from a read
 * model that follows the log closely: it is read again until it reaches the dashboard's version.
 */
export function VersionPanel({
  dashboardId,
  version,
  previewing,
  onPreview,
  onRestore,
}: {
  dashboardId: string;
  version: number;
  previewing: number | null;
  onPreview: (version: number) => void;
  onRestore: (version: number) => void;
}) {
  const items = useSignal<DashboardVersion[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    let current = true;
    const load = async () => {
      for (let attempt = 0; attempt < 40 && current; attempt += 1) {
        const { data } = await api.GET('/api/dashboards/{id}/versions', { params: { path: { id: dashboardId } } });
        if (!current) return;
        if (!data) return void (failed.value = true);
        items.value = data.items;
        if ((data.items[0]?.version ?? -1) >= version) return;
        await new Promise((resolve) => setTimeout(resolve, 100 + attempt * 25));
      }
    };
    load().catch(() => current && (failed.value = true));
    return () => {
      current = false;
    };
  }, [dashboardId, version]);
  return (
    <section class="versions card" aria-labelledby="versions-title">
      <h2 id="versions-title">Version history</h2>
      {failed.value && <p class="error">The history could not be loaded.</p>}
      {items.value === null && !failed.value && <p role="status">Loading…</p>}
      {items.value && (
        <ol class="version-list">
          {items.value.map((v) => (
            <li key={v.version} aria-current={v.version === previewing ? 'true' : undefined}>
              <div>
                <strong>Version {v.version}</strong>
                {v.version === version ? ' (current)' : ''}: {v.change}
              </div>
              <div class="muted">
                {dateTime(v.at)} by {who(v.actorId)}
              </div>
              {v.version !== version && (
                <div class="actions">
                  <button
                    type="button"
                    onClick={() => onPreview(v.version)}
                    aria-label={`Preview version ${v.version}`}
                  >
                    Preview
                  </button>
                  <button
                    type="button"
                    onClick={() => onRestore(v.version)}
                    aria-label={`Restore version ${v.version}`}
                  >
                    Restore
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
