import { dateTime } from '../../lib/format';

/** One step of a configuration request as the change lists give it (gateway network or node settings). */
export interface Step {
  readonly type: string;
  readonly at: string;
  readonly by: string;
  readonly detail?: string | null;
  readonly requestId?: string;
}

export type StepName = 'requested' | 'sent' | 'applied' | 'rejected' | 'timed out';

/** `NodeConfigurationTimedOut` → `timed out`; null for events that are no request step. */
export function stepName(type: string): StepName | null {
  const m = /(Requested|Sent|Applied|Rejected|TimedOut)$/.exec(type);
  if (!m) return null;
  return m[1] === 'TimedOut' ? 'timed out' : (m[1]!.toLowerCase() as StepName);
}

/** requested → sent → applied | rejected | timed out, each with when; the last one reached is marked current. */
export function Lifecycle({ steps }: { steps: readonly Step[] }) {
  const reached = new Map<StepName, Step>();
  for (const s of steps) {
    const name = stepName(s.type);
    if (name) reached.set(name, s);
  }
  const end = (['applied', 'rejected', 'timed out'] as const).find((n) => reached.has(n));
  // Settings the server applies itself (alarms) are never sent: their path skips that step.
  const path: StepName[] = end && !reached.has('sent') ? ['requested', end] : ['requested', 'sent', end ?? 'applied'];
  const current = end ?? (reached.has('sent') ? 'sent' : 'requested');
  return (
    <ol class="lifecycle" aria-label="Request progress">
      {path.map((name) => {
        const step = reached.get(name);
        const state = step ? (name === current ? 'current' : 'done') : 'todo';
        return (
          <li
            key={name}
            class={`${state} ${name === 'rejected' || name === 'timed out' ? 'failed' : ''}`}
            aria-current={name === current ? 'step' : undefined}
          >
            <span>{name}</span>
            {step && <time dateTime={step.at}> {dateTime(step.at)}</time>}
            {step?.detail && (name === 'rejected' || name === 'timed out' || name === 'applied') && (
              <span class="detail">: {step.detail}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function isFinal(steps: readonly Step[]): boolean {
  return steps.some((s) => ['applied', 'rejected', 'timed out'].includes(stepName(s.type) ?? ''));
}
