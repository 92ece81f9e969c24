import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api, type ActuatorCommand, type Sensor } from '../api/client';
import { now } from '../lib/clock';
import { ago, sensorLabel } from '../lib/format';
import { liveReading, watchReadings } from '../lib/live';
import { allSensors, sensorHref } from '../lib/sensors';
import { CommandTimeline } from './switches/command-timeline';

const FINAL = new Set<ActuatorCommand['status']>(['acknowledged', 'failed', 'timed_out']);
const STATUS_TEXT: Record<ActuatorCommand['status'], string> = {
  requested: 'pending: waiting for the gateway',
  dispatched: 'pending: sent, waiting for the device',
  acknowledged: 'applied',
  failed: 'failed',
  timed_out: 'timed out',
};

function onOff(value: number | null | undefined): string {
  return value === null || value === undefined ? 'unknown' : value >= 1 ? 'on' : 'off';
}

/** One actuator: what was asked (desired), what the device last said (reported), and whether the ask took (applied). */
function SwitchRow({ sensor }: { sensor: Sensor }) {
  const command = useSignal<ActuatorCommand | null>(null);
  const error = useSignal<string | null>(null);
  const reported = liveReading(sensor.sensorId).value?.value ?? sensor.lastValue;
  const reportedAt = liveReading(sensor.sensorId).value?.measuredAt ?? sensor.lastMeasuredAt;

  const send = async (action: 'on' | 'off') => {
    try {
      await follow(action);
    } catch {
      error.value = 'the server could not be reached';
    }
  };
  const follow = async (action: 'on' | 'off') => {
    error.value = null;
    const { data, error: problem } = await api.POST('/api/actuator-commands', {
      body: { sensorId: sensor.sensorId, action, origin: 'ui' },
    });
    if (!data) {
      error.value = (problem as { detail?: string } | undefined)?.detail ?? 'the command was refused';
      return;
    }
    await track(data);
  };
  // Follows a command until it is applied, fails or times out (or the page is left).
  const alive = useRef(true);
  const track = async (start: ActuatorCommand) => {
    command.value = start;
    while (alive.current && command.value?.commandId === start.commandId && !FINAL.has(command.value.status)) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const next: { data?: ActuatorCommand } = await api.GET('/api/actuator-commands/{id}', {
        params: { path: { id: start.commandId } },
      });
      if (next.data && alive.current) command.value = next.data;
    }
  };
  // The newest command says what was last asked (desired), and a pending one is followed after a reload too.
  useEffect(() => {
    alive.current = true;
    void api
      .GET('/api/actuator-commands', { params: { query: { sensor: sensor.sensorId, limit: 1 } } })
      .then(({ data }) => {
        const newest = data?.items[0];
        if (newest && command.value === null) void track(newest).catch(() => undefined);
      })
      .catch(() => undefined);
    return () => {
      alive.current = false;
    };
  }, [sensor.sensorId]);
  const c = command.value;
  const pending = c !== null && !FINAL.has(c.status);
  const history = useSignal(false);
  const label = sensorLabel(sensor.sensorId);
  const timelineId = `timeline-${sensor.sensorId.replace(/[^\w-]/g, '_')}`;
  return (
    <>
      <tr>
        <th scope="row" data-label="Switch">
          <a href={sensorHref(sensor.sensorId)}>{sensorLabel(sensor.sensorId)}</a>
        </th>
        <td data-label="Desired">{c ? `${c.action}` : '—'}</td>
        <td data-label="Reported">
          {onOff(reported)} <span class="fresh">{ago(reportedAt, now.value)}</span>
        </td>
        <td
          data-label="Command"
          aria-live="polite"
          data-command-status={c?.status ?? ''}
          class={c?.status === 'failed' || c?.status === 'timed_out' ? 'error' : ''}
        >
          {c ? STATUS_TEXT[c.status] : '—'}
          {c?.outcome && c.status !== 'acknowledged' ? `: ${c.outcome}` : ''}
          {error.value}
        </td>
        <td>
          <div class="actions">
            <button
              type="button"
              disabled={pending}
              onClick={() => void send('on')}
              aria-label={`Switch ${sensorLabel(sensor.sensorId)} on`}
            >
              On
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => void send('off')}
              aria-label={`Switch ${sensorLabel(sensor.sensorId)} off`}
            >
              Off
            </button>
            <button
              type="button"

              aria-expanded={history.value}
              aria-controls={timelineId}
              onClick={() => (history.value = !history.value)}
              aria-label={`Command history of ${label}`}
            >
              History
            </button>
          </div>
        </td>
      </tr>
      {history.value && (
        <tr class="timeline-row" id={timelineId}>
          <td colSpan={5}>
            <CommandTimeline sensorId={sensor.sensorId} reload={`${c?.commandId ?? ''}:${c?.status ?? ''}`} />
          </td>
        </tr>
      )}
    </>
  );
}

export function SwitchesPage() {
  const switches = useSignal<Sensor[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    allSensors('switchState')
      .then((all) => (switches.value = all))
      .catch(() => (failed.value = true));
  }, []);
  useEffect(() => watchReadings((switches.value ?? []).map((s) => s.sensorId)), [switches.value]);
  return (
    <section>
      <h1>Switches</h1>
      {failed.value && <p class="error">The switches could not be loaded; reload the page to try again.</p>}
      {switches.value === null && !failed.value && <p role="status">Loading…</p>}
      {switches.value?.length === 0 && (
        <p class="empty">
          No switches you may command. Smart plugs and relays show here once their gateway reports them.
        </p>
      )}
      {switches.value && switches.value.length > 0 && (
        <div class="table-scroll">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">Switch</th>
                <th scope="col">Desired</th>
                <th scope="col">Reported</th>
                <th scope="col">Command</th>
                <th scope="col">
                  <span class="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {switches.value.map((s) => (
                <SwitchRow key={s.sensorId} sensor={s} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
