import { useSignal } from '@preact/signals';
import { api, type Schemas } from '../../api/client';
import { dateTime } from '../../lib/format';
import { Confirm, problemText } from './common';

type Session = Schemas['SessionViewDto'];

/**
 * A user's open login sessions, loaded when the disclosure opens (most rows are never opened), each with revoke, and
 * revoke all. Revoking ends the session on every node at once: its refresh cookie and its access tokens stop.
 */
export function UserSessions({ userId, email }: { userId: string; email: string }) {
  const sessions = useSignal<Session[] | null>(null);
  const status = useSignal<string | null>(null);
  const load = async () => {
    const { data, error } = await api.GET('/api/users/{id}/sessions', { params: { path: { id: userId } } });
    if (data) sessions.value = data.items;
    else status.value = problemText(error, 'the sessions could not be read');
  };
  const revoke = async (session: Session) => {
    const { error } = await api.POST('/api/users/{id}/sessions/{sessionId}/revoke', {
      params: { path: { id: userId, sessionId: session.sessionId } },
    });
    status.value = error ? problemText(error, 'the session was not revoked') : 'Session revoked.';
    await load();
  };
  const revokeAll = async () => {
    const { data, error } = await api.POST('/api/users/{id}/sessions/revoke', { params: { path: { id: userId } } });
    status.value = data
      ? `${data.revoked} ${data.revoked === 1 ? 'session' : 'sessions'} revoked.`
      : problemText(error, 'the sessions were not revoked');
    await load();
  };
  const list = sessions.value;
  return (
    <details
      class="sessions"
      data-sessions={email}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>
        Sessions<span class="sr-only"> of {email}</span>
      </summary>
      {list === null && <p class="muted small">Loading…</p>}
      {list?.length === 0 && <p class="muted small">No open sessions.</p>}
      {list && list.length > 0 && (
        <>
          <ul class="plain" aria-label={`Open sessions of ${email}`}>
            {list.map((s) => (
              <li key={s.sessionId} data-session={s.sessionId}>
                <span class="small">
                  since {dateTime(s.createdAt)}, last used {dateTime(s.lastRefreshedAt)}
                  {s.current ? ' (this browser)' : ''}
                </span>
                <Confirm
                  label={`Revoke session since ${dateTime(s.createdAt)}`}
                  question={
                    s.current
                      ? 'This is your own session: you will be signed out.'
                      : 'Its tokens stop working on the next request.'
                  }
                  confirmLabel="Revoke now"
                  danger
                  onConfirm={() => revoke(s)}
                />
              </li>
            ))}
          </ul>
          <Confirm
            label={`Revoke all sessions of ${email}`}
            question={`Sign ${email} out everywhere?`}
            confirmLabel="Revoke all now"
            danger
            onConfirm={revokeAll}
          />
        </>
      )}
      <p role="status" class="muted small">
        {status.value}
      </p>
    </details>
  );
}
