import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Sensor } from '../api/client';
import { AlarmBanner } from '../components/alarm-banner';
import { LiveValue } from '../components/live-value';
import { TopConsumers } from '../components/top-consumers';
import { quantity, sensorLabel } from '../lib/format';
import { streamState, watchReadings } from '../lib/live';
import { allSensors, sensorHref } from '../lib/sensors';

const ENERGY = new Set<Sensor['quantity']>(['energyImported', 'energyExported']);

function startOfToday(): Date {
  const day = new Date();
  day.setHours(0, 0, 0, 0);
  return day;
}

/** Today's consumption per energy counter, from the same daily buckets the charts use. */
function useTodaysEnergy(counters: readonly Sensor[]) {
  const totals = useSignal<Map<string, number | null>>(new Map());
  useEffect(() => {
    if (counters.length === 0) return;
    const from = startOfToday().toISOString();
    const ids = counters.slice(0, 50).map((s) => s.sensorId);
    void api
      .GET('/api/readings/series', {
        params: { query: { sensor: ids, from, to: new Date().toISOString(), bucket: '1h' } },
      })
      .then(({ data }) => {
        const next = new Map<string, number | null>();
        for (const series of (typeof data === 'object' ? data.series : []) ?? []) {
          let sum: number | null = null;
          for (const point of series.points)
            if ('delta' in point && point.delta !== null) sum = (sum ?? 0) + point.delta;
          next.set(series.sensorId, sum);
        }
        totals.value = next;
      })
      .catch(() => undefined);
    // Keyed by the ids: the array itself is new on every render.
  }, [counters.map((s) => s.sensorId).join('|')]);
  return totals.value;
}

export function NowPage() {
  const sensors = useSignal<Sensor[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    const load = () =>
      allSensors()
        .then((all) => {
          failed.value = false;
          // New sensors join the page (a gateway just paired a device); an unchanged list keeps the stream as it is.
          const ids = (list: readonly Sensor[] | null) => (list ?? []).map((s) => s.sensorId).join('|');
          if (ids(all) !== ids(sensors.value)) sensors.value = all;
        })
        .catch(() => (failed.value = sensors.value === null));
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, []);
  const power = (sensors.value ?? []).filter((s) => s.quantity === 'power');
  const counters = (sensors.value ?? []).filter((s) => ENERGY.has(s.quantity));
  useEffect(() => watchReadings(power.map((s) => s.sensorId)), [power.map((s) => s.sensorId).join('|')]);
  const energy = useTodaysEnergy(counters);
  // The meter the untracked remainder is measured against: the user's own setting, kept on the server.
  const mainMeter = useSignal<string | null>(null);
  const mainMeterError = useSignal<string | null>(null);
  useEffect(() => {
    void api
      .GET('/api/me/main-meter')
      .then(({ data }) => {
        if (data) mainMeter.value = data.sensorId;
      })
      .catch(() => undefined);
  }, []);
  const chooseMainMeter = (sensorId: string | null) => {
    const before = mainMeter.value;
    mainMeter.value = sensorId;
    mainMeterError.value = null;
    void api
      .PUT('/api/me/main-meter', { body: { sensorId } })
      .then(({ data, error }) => {
        if (data) return;
        mainMeter.value = before;
        mainMeterError.value = (error as { detail?: string } | undefined)?.detail ?? 'the main meter was not saved';
      })
      .catch(() => {
        mainMeter.value = before;
        mainMeterError.value = 'the server could not be reached';
      });
  };
  return (
    <section>
      <h1>Now</h1>
      <AlarmBanner />
      {failed.value && <p class="error">The sensors could not be loaded.</p>}
      {sensors.value === null && !failed.value && <p role="status">Loading…</p>}
      {sensors.value !== null && sensors.value.length === 0 && (
        <p class="empty">
          No sensors yet. Once a gateway you own (or one shared with you) reports readings, they show here.
        </p>
      )}
      {power.length > 0 && (
        <section aria-labelledby="power-h">
          <h2 id="power-h">
            Power{' '}
            <span class={`stream ${streamState.value}`}>
              {streamState.value === 'open' ? 'live' : streamState.value === 'reconnecting' ? 'reconnecting…' : ''}
            </span>
          </h2>
          <ul class="cards">
            {power.map((sensor) => (
              <li key={sensor.sensorId} class="card">
                <a href={sensorHref(sensor.sensorId)}>{sensorLabel(sensor.sensorId)}</a>
                <div>
                  <LiveValue sensor={sensor} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {power.length > 1 && (
        <TopConsumers power={power} mainMeter={mainMeter.value} onChooseMainMeter={chooseMainMeter} />
      )}
      {mainMeterError.value && <p class="error">{mainMeterError.value}</p>}
      {counters.length > 0 && (
        <section aria-labelledby="energy-h">
          <h2 id="energy-h">Energy today</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Meter</th>
                <th scope="col">Direction</th>
                <th scope="col" class="num">
                  Since midnight
                </th>
              </tr>
            </thead>
            <tbody>
              {counters.map((sensor) => (
                <tr key={sensor.sensorId}>
                  <td>
                    <a href={sensorHref(sensor.sensorId)}>{sensorLabel(sensor.nodeId)}</a>
                  </td>
                  <td>{sensor.quantity === 'energyImported' ? 'in' : 'out'}</td>
                  <td class="num">
                    {energy.has(sensor.sensorId) ? quantity(energy.get(sensor.sensorId), sensor.unit) : '…'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
