import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Schemas } from '../../api/client';
import { dateTime } from '../../lib/format';
import { problemText } from './common';

type Replay = Schemas['ReplayDto'];

const POLL_MS = 500;

function eta(seconds: number | null): string {
  if (seconds === null) return 'estimating…';
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Where a replay stands, in words a screen reader reads out as it changes. */
function ReplayProgress({ replay }: { replay: Replay }) {
  const running = replay.state === 'running';
  const max = Math.max(replay.total, replay.applied, 1);
  return (
    <div class="replay" data-replay={replay.replayId} data-state={replay.state}>
      <progress
        max={max}
        value={replay.state === 'done' ? max : replay.applied}
        aria-label={`Replay of ${replay.projection}`}
      />
      <dl class="facts">
        <dt>State</dt>
        <dd>
          <span class={`pill ${replay.state === 'failed' ? 'off' : 'on'}`}>{replay.state}</span>
          {running && replay.current ? ` rebuilding ${replay.current}` : ''}
        </dd>
        <dt>Events</dt>
        <dd data-progress>
          {replay.applied} of {replay.total}
        </dd>
        <dt>Rate</dt>
        <dd>{replay.eventsPerSecond} events/s</dd>
        <dt>{running ? 'Time left' : 'Finished'}</dt>
        <dd>{running ? eta(replay.etaSeconds) : replay.finishedAt ? dateTime(replay.finishedAt) : '—'}</dd>
        <dt>Read models</dt>
        <dd>{replay.projections.join(', ')}</dd>
      </dl>
      {replay.error && (
        <p class="error" role="alert">
          {replay.error}
        </p>
      )}
    </div>
  );
}

/**
 * Starts a rebuild of one read model or all of them and follows it until it is done. Queries keep answering from
 * the live tables meanwhile; each read model is swapped in when its rebuild finishes (ADR 0004).
 */
export function ReplayPanel() {
  const readModels = useSignal<string[]>([]);
  const replay = useSignal<Replay | null>(null);
  const error = useSignal<string | null>(null);
  const choice = useSignal('all');
  useEffect(() => {
    void api.GET('/api/system/replays').then(({ data }) => {
      if (!data) return;
      readModels.value = data.readModels;
      replay.value = data.items[0] ?? null;
    });
  }, []);
  const running = replay.value?.state === 'running';
  useEffect(() => {
    if (!running || !replay.value) return undefined;
    const id = replay.value.replayId;
    const timer = setInterval(() => {
      void api.GET('/api/system/replays/{replayId}', { params: { path: { replayId: id } } }).then(({ data }) => {
        if (data) replay.value = data;
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, replay.value?.replayId]);
  const start = async (event: SubmitEvent) => {
    event.preventDefault();
    error.value = null;
    const { data, error: problem } = await api.POST('/api/system/replays', { body: { projection: choice.value } });
    if (data) replay.value = data;
    else error.value = problemText(problem, 'the replay did not start');
  };
  return (
    <div class="panel">
      <h2>Replay</h2>
      <p class="muted small">
        Rebuilds read models from the event log into fresh tables and swaps each in when it is done; the pages keep
        answering from the current tables meanwhile.
      </p>
      <form class="toolbar" onSubmit={(e) => void start(e)} aria-label="Start a replay">
        <label>
          Read model
          <select value={choice.value} onChange={(e) => (choice.value = e.currentTarget.value)}>
            <option value="all">all</option>
            {readModels.value.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={running}>
          Start replay
        </button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <div role="status" aria-live="polite">
        {replay.value && <ReplayProgress replay={replay.value} />}
      </div>
    </div>
  );
}
