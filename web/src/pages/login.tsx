import { useSignal } from '@preact/signals';
import { login } from '../lib/auth';

export function LoginPage() {
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    busy.value = true;
    error.value = await login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    busy.value = false;
  };
  return (
    <main class="login" id="main">
      <form onSubmit={(e) => void submit(e)} aria-describedby={error.value ? 'login-error' : undefined}>
        <h1>Wattlog</h1>
        <p class="muted">Sign in to see your energy.</p>
        <label>
          Email
          <input name="email" type="email" autocomplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {error.value && (
          <p id="login-error" class="error" role="alert">
            {error.value}
          </p>
        )}
        <button type="submit" disabled={busy.value}>
          {busy.value ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
