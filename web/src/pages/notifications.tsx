import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../api/client';
import { dateTime } from '../lib/format';
import { problemText } from '../lib/dashboards';

type Channel = Schemas['NotificationChannelDto'];
type InboxItem = Schemas['InboxItemDto'];

const STATUS_TEXT: Record<string, string> = {
  unverified: 'waiting for its code',
  active: 'active',
  disabled: 'switched off',
  broken: 'switched off after failing; fix it, then switch it on',
};

function Inbox() {
  const items = useSignal<InboxItem[] | null>(null);
  const unread = useSignal(0);
  const failed = useSignal(false);
  const load = () =>
    api
      .GET('/api/notifications/inbox', { params: { query: { limit: 50 } } })
      .then(({ data }) => (data ? ((items.value = data.items), (unread.value = data.unread)) : (failed.value = true)))
      .catch(() => (failed.value = true));
  useEffect(() => {
    void load();
    // The inbox is filled by the server as alarms come in; a minute is soon enough for a page left open.
    const timer = setInterval(() => void load(), 60_000);
    return () => clearInterval(timer);
  }, []);
  const markAll = async () => {
    await api.POST('/api/notifications/inbox/read', { body: { all: true } });
    await load();
  };
  return (
    <>
      <h2>Inbox{unread.value > 0 ? ` (${unread.value} unread)` : ''}</h2>
      {failed.value && <p class="error">The inbox could not be loaded; reload the page to try again.</p>}
      {items.value === null && !failed.value && <p role="status">Loading…</p>}
      {items.value?.length === 0 && <p class="empty">Nothing yet. Alarms of your nodes show here as they happen.</p>}
      {items.value && items.value.length > 0 && (
        <>
          {unread.value > 0 && (
            <button type="button" onClick={() => void markAll()}>
              Mark all read
            </button>
          )}
          <ul class="cards">
            {items.value.map((item) => (
              <li key={item.notificationId} class={item.readAt ? '' : 'unread'}>
                <strong>{item.title}</strong>
                <p>{item.text}</p>
                <small>
                  {dateTime(item.createdAt)}
                  {item.readAt ? '' : ' · unread'}
                </small>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function ChannelRow({ channel, onChanged }: { channel: Channel; onChanged: () => void }) {
  const code = useSignal('');
  const error = useSignal<string | null>(null);
  const path = { params: { path: { id: channel.channelId } } };
  const verify = async (event: Event) => {
    event.preventDefault();
    const { data, error: problem } = await api.POST('/api/notifications/channels/{id}/verification', {
      ...path,
      body: { code: code.value },
    });
    if (!data) return void (error.value = problemText(problem, 'The code was not accepted'));
    onChanged();
  };
  const setEnabled = async (enabled: boolean) => {
    await api.PUT('/api/notifications/channels/{id}/enabled', { ...path, body: { enabled } });
    onChanged();
  };
  const remove = async () => {
    await api.DELETE('/api/notifications/channels/{id}', path);
    onChanged();
  };
  return (
    <li>
      <strong>{channel.kind === 'email' ? 'E-mail' : 'Webhook'}</strong> {channel.address}
      <p>{STATUS_TEXT[channel.status] ?? channel.status}</p>
      {channel.status === 'unverified' && (
        <form class="toolbar" onSubmit={(e) => void verify(e)}>
          <label class="inline">
            Code from the mail
            <input
              value={code.value}
              inputMode="numeric"
              pattern="\d{6}"
              required
              onInput={(e) => (code.value = e.currentTarget.value)}
            />
          </label>
          <button type="submit">Verify</button>
        </form>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <div class="toolbar">
        {channel.status === 'active' ? (
          <button type="button" onClick={() => void setEnabled(false)}>
            Switch off
          </button>
        ) : channel.status !== 'unverified' ? (
          <button type="button" onClick={() => void setEnabled(true)}>
            Switch on
          </button>
        ) : null}
        <button type="button" onClick={() => void remove()}>
          Remove
        </button>
      </div>
    </li>
  );
}

function Channels() {
  const channels = useSignal<Channel[] | null>(null);
  const kind = useSignal<'webhook' | 'email'>('email');
  const address = useSignal('');
  const secret = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const load = () =>
    api
      .GET('/api/notifications/channels')
      .then(({ data }) => (channels.value = data?.items ?? []))
      .catch(() => (channels.value = []));
  useEffect(() => void load(), []);
  const add = async (event: Event) => {
    event.preventDefault();
    const { data, error: problem } = await api.POST('/api/notifications/channels', {
      body: { kind: kind.value, address: address.value },
    });
    if (!data) return void (error.value = problemText(problem, 'The channel could not be added'));
    error.value = null;
    secret.value = data.signingSecret ?? null;
    address.value = '';
    await load();
  };
  return (
    <>
      <h2>Channels</h2>
      <form class="toolbar" onSubmit={(e) => void add(e)}>
        <label class="inline">
          Kind
          <select value={kind.value} onChange={(e) => (kind.value = e.currentTarget.value as 'webhook' | 'email')}>
            <option value="email">E-mail</option>
            <option value="webhook">Webhook</option>
          </select>
        </label>
        <label class="inline">
          {kind.value === 'email' ? 'Address' : 'HTTPS URL'}
          <input value={address.value} required onInput={(e) => (address.value = e.currentTarget.value)} />
        </label>
        <button type="submit">Add channel</button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {secret.value && (
        <p role="status">
          Signing secret, shown only now: <code>{secret.value}</code>
        </p>
      )}
      {channels.value?.length === 0 && <p class="empty">Only the inbox so far.</p>}
      {channels.value && channels.value.length > 0 && (
        <ul class="cards">
          {channels.value.map((c) => (
            <ChannelRow key={c.channelId} channel={c} onChanged={() => void load()} />
          ))}
        </ul>
      )}
    </>
  );
}

/** The caller's inbox and channels; topics and quiet hours are set through the API (docs/notifications.md). */
export function NotificationsPage() {
  return (
    <section>
      <h1>Notifications</h1>
      <Inbox />
      <Channels />
    </section>
  );
}
