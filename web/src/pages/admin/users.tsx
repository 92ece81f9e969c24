import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { me } from '../../lib/auth';
import { dateTime } from '../../lib/format';
import { AdminOnly, Confirm, OnceSecret, problemText } from './common';
import { allUsers, type User } from './users-cache';
import { UserSessions } from './user-sessions';

type Client = Schemas['ApiClientViewDto'];

function CreateUser({ onCreated }: { onCreated: () => void }) {
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '');
    error.value = null;
    done.value = null;
    const { data, error: problem } = await api.POST('/api/users', {
      body: {
        email: text('email').trim(),
        displayName: text('displayName').trim(),
        password: text('password'),
        role: text('role') as User['role'],
      },
    });
    if (!data) {
      error.value = problemText(problem, 'the user was not created');
      return;
    }
    done.value = `Created ${data.email}.`;
    formElement.reset();
    onCreated();
  };
  return (
    <form class="panel grid-form" onSubmit={(e) => void submit(e)} aria-labelledby="create-user-heading">
      <h2 id="create-user-heading">Create a user</h2>
      <label>
        Email
        <input name="email" type="email" required autocomplete="off" />
      </label>
      <label>
        Display name
        <input name="displayName" required />
      </label>
      <label>
        Initial password
        <input name="password" type="password" required minLength={12} autocomplete="new-password" />
      </label>
      <label>
        Role
        <select name="role">
          <option value="user">user</option>
          <option value="admin">admin</option>
        </select>
      </label>
      {error.value && (
        <p class="error wide" role="alert">
          {error.value}
        </p>
      )}
      <div class="wide actions">
        <button type="submit">Create user</button>
        <span role="status" class="muted">
          {done.value}
        </span>
      </div>
    </form>
  );
}

function UserRow({ user, onChanged }: { user: User; onChanged: () => void }) {
  const status = useSignal<string | null>(null);
  const self = me.value?.userId === user.userId;
  const setRole = async (role: User['role']) => {
    const { data, error } = await api.POST('/api/users/{id}/role', {
      params: { path: { id: user.userId } },
      body: { role },
    });
    status.value = data ? `Now ${data.role}.` : problemText(error);
    onChanged();
  };
  const disable = async () => {
    const { data, error } = await api.POST('/api/users/{id}/disable', {
      params: { path: { id: user.userId } },
      body: { reason: 'disabled from the web UI' },
    });
    status.value = data ? 'Disabled.' : problemText(error);
    onChanged();
  };
  const roleId = `role-${user.userId}`;
  return (
    <tr data-user={user.email}>
      <th scope="row" data-label="User">
        {user.displayName} <span class="muted small">{user.email}</span>
      </th>
      <td data-label="Role">
        <label class="sr-only" for={roleId}>
          Role of {user.email}
        </label>
        <select
          id={roleId}
          value={user.role}
          disabled={self || user.disabledAt !== null}
          onChange={(e) => void setRole(e.currentTarget.value as User['role'])}
        >
          <option value="user">user</option>
          <option value="admin">admin</option>
        </select>
      </td>
      <td data-label="Status">
        {user.disabledAt ? `disabled ${dateTime(user.disabledAt)}` : 'active'}{' '}
        <span role="status" class="muted small">
          {status.value}
        </span>
      </td>
      <td data-label="Sessions">{!user.disabledAt && <UserSessions userId={user.userId} email={user.email} />}</td>
      <td>
        {!user.disabledAt && !self && (
          <Confirm
            label={`Disable ${user.email}`}
            question={`Disable ${user.email}? Their sessions end and they can no longer log in.`}
            confirmLabel="Disable now"
            danger
            onConfirm={disable}
          />
        )}
      </td>
    </tr>
  );
}

function Clients() {
  const clients = useSignal<Client[] | null>(null);
  const secret = useSignal<{ label: string; value: string } | null>(null);
  const error = useSignal<string | null>(null);
  const load = async () => {
    const { data } = await api.GET('/api/clients', { params: { query: { limit: 500 } } });
    clients.value = data?.items ?? [];
  };
  useEffect(() => void load(), []);
  const register = async (event: SubmitEvent) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    error.value = null;
    const { data, error: problem } = await api.POST('/api/clients', {
      body: {
        name: String(form.get('name') ?? '').trim(),
        organisation: String(form.get('organisation') ?? '').trim(),
      },
    });
    if (!data) {
      error.value = problemText(problem, 'the client was not registered');
      return;
    }
    formElement.reset();
    secret.value = { label: `Secret of client ${data.clientId}`, value: data.clientSecret };
    await load();
  };
  const rotate = async (client: Client) => {
    const { data, error: problem } = await api.POST('/api/clients/{id}/rotate-secret', {
      params: { path: { id: client.clientId } },
    });
    if (data) secret.value = { label: `New secret of client ${data.clientId}`, value: data.clientSecret };
    else error.value = problemText(problem, 'the secret was not rotated');
    await load();
  };
  const revoke = async (client: Client) => {
    const { error: problem } = await api.POST('/api/clients/{id}/revoke', {
      params: { path: { id: client.clientId } },
      body: { reason: 'revoked from the web UI' },
    });
    if (problem) error.value = problemText(problem, 'the client was not revoked');
    await load();
  };
  return (
    <div class="panel">
      <h2>API clients</h2>
      {secret.value && (
        <OnceSecret label={secret.value.label} secret={secret.value.value} onDone={() => (secret.value = null)} />
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      {clients.value?.length === 0 && <p class="empty">No API clients yet.</p>}
      {clients.value && clients.value.length > 0 && (
        <div class="table-scroll">
          <table class="stack" aria-label="API clients">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Id</th>
                <th scope="col">Secret</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {clients.value.map((c) => (
                <tr key={c.clientId} data-client={c.clientId}>
                  <th scope="row" data-label="Client">
                    {c.name} <span class="muted small">{c.organisation}</span>
                  </th>
                  <td data-label="Id">
                    <code>{c.clientId}</code>
                  </td>
                  <td data-label="Secret">
                    <code>{c.secretFingerprint}</code>
                    {c.secretRotatedAt ? ` rotated ${dateTime(c.secretRotatedAt)}` : ''}
                  </td>
                  <td data-label="Status">{c.revokedAt ? `revoked ${dateTime(c.revokedAt)}` : 'active'}</td>
                  <td>
                    {!c.revokedAt && (
                      <div class="actions wrap">
                        <Confirm
                          label={`Rotate secret of ${c.name}`}
                          question="A new secret replaces the current one at once."
                          confirmLabel="Rotate now"
                          onConfirm={() => rotate(c)}
                        />
                        <Confirm
                          label={`Revoke ${c.name}`}
                          question={`Revoke ${c.name}? Its tokens stop working on the next request.`}
                          confirmLabel="Revoke now"
                          danger
                          onConfirm={() => revoke(c)}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="grid-form" onSubmit={(e) => void register(e)} aria-labelledby="register-client-heading">
        <h3 id="register-client-heading">Register an API client</h3>
        <label>
          Name
          <input name="name" required maxLength={100} />
        </label>
        <label>
          Organisation
          <input name="organisation" required maxLength={200} />
        </label>
        <div class="wide">
          <button type="submit">Register client</button>
        </div>
      </form>
    </div>
  );
}

function Users() {
  const users = useSignal<User[] | null>(null);
  const load = () =>
    allUsers()
      .then((all) => (users.value = all))
      .catch(() => (users.value = []));
  useEffect(() => void load(), []);
  return (
    <section>
      <h1>Users and API clients</h1>
      {users.value === null && <p role="status">Loading…</p>}
      {users.value && (
        <div class="panel">
          <h2>Users</h2>
          <div class="table-scroll">
            <table class="stack" aria-label="Users">
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sessions</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.value.map((u) => (
                  <UserRow key={u.userId} user={u} onChanged={() => void load()} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <CreateUser onCreated={() => void load()} />
      <Clients />
    </section>
  );
}

export function UsersPage() {
  return (
    <AdminOnly title="Users">
      <Users />
    </AdminOnly>
  );
}
