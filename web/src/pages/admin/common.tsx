import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { me } from '../../lib/auth';

/** The text of a problem+json answer: its detail, and the first field errors when the input was refused. */
export function problemText(problem: unknown, fallback = 'the request was refused'): string {
  const p = problem as { detail?: string; errors?: { field: string; message: string }[] } | undefined;
  if (!p) return fallback;
  const fields = (p.errors ?? []).slice(0, 3).map((e) => e.message);
  return fields.length > 0 ? fields.join('; ') : (p.detail ?? fallback);
}

export const isAdmin = (): boolean => me.value?.kind === 'user' && me.value.role === 'admin';

/** Admin pages: a standard user who types the address gets a clear refusal, not a broken page. */
export function AdminOnly({ title, children }: { title: string; children: ComponentChildren }) {
  if (isAdmin()) return <>{children}</>;
  return (
    <section>
      <h1>{title}</h1>
      <p class="empty" role="alert">
        This page is for administrators. Your account cannot manage {title.toLowerCase()}; ask an administrator if you
        need a change. <a href="/">Back to Now</a>
      </p>
    </section>
  );
}

/**
 * A secret the server shows once (a network key, a client secret): a copy button and an "I have saved it"
 * confirmation. It lives in this component's state only, so a reload or another page never shows it again.
 */
export function OnceSecret(props: { label: string; secret: string; onDone: () => void }) {
  const saved = useSignal(false);
  const copied = useSignal<string | null>(null);
  // Focus comes here when it appears, so keyboard and screen reader users land on the key, not behind it.
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => region.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      copied.value = 'Copied to the clipboard.';
    } catch {
      copied.value = 'Copying was not allowed here; select the text and copy it.';
    }
  };
  return (
    <div class="once" role="region" aria-label={props.label} tabIndex={-1} ref={region}>
      <p>
        <strong>{props.label}</strong>: shown this once. Store it now; it cannot be shown again.
      </p>
      <code class="secret" data-secret>
        {props.secret}
      </code>
      <div class="actions">
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <span role="status" class="muted">
          {copied.value}
        </span>
      </div>
      <label class="inline">
        <input type="checkbox" checked={saved.value} onChange={(e) => (saved.value = e.currentTarget.checked)} />I have
        saved it
      </label>
      <div class="actions">
        <button type="button" disabled={!saved.value} onClick={props.onDone}>
          Done, hide it
        </button>
      </div>
    </div>
  );
}

/** An action that needs a second, deliberate click: the first one asks, the second one does it. */
export function Confirm(props: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  danger?: boolean;
}) {
  const asking = useSignal(false);
  const busy = useSignal(false);
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking.value) yes.current?.focus();
  }, [asking.value]);
  if (!asking.value)
    return (
      <button type="button" class={props.danger ? 'danger' : ''} onClick={() => (asking.value = true)}>
        {props.label}
      </button>
    );
  return (
    <div class="confirm" role="group" aria-label={props.label}>
      <p>{props.question}</p>
      <div class="actions">
        <button
          type="button"
          class={props.danger ? 'danger' : ''}
          disabled={busy.value}
          ref={yes}
          onClick={async () => {
            busy.value = true;
            await props.onConfirm();
            busy.value = false;
            asking.value = false;
          }}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="secondary" onClick={() => (asking.value = false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Who did it, from an actor id (`user:<id>`, `client:<id>`, `system`), named where the user list knows the id. */
export function actorName(actorId: string | null | undefined, names: ReadonlyMap<string, string> = new Map()): string {
  if (!actorId) return '—';
  const id = actorId.replace(/^user:/, '');
  return names.get(id) ?? actorId;
}
