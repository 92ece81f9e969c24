import type { Sensor } from '../api/client';
import { quantity, sensorLabel } from '../lib/format';
import { liveReading } from '../lib/live';
import { sensorHref } from '../lib/sensors';

/** Without a chosen main meter, the grid meter (a DSMR P1 port) is taken: it measures the whole home. */
export function isP1Meter(sensor: Sensor): boolean {
  return sensor.nodeId.startsWith('dsmr:');
}

/** The main meters: the one the user chose (when it is among the power sensors), else any P1 meter. */
export function mainMeters(power: readonly Sensor[], chosen: string | null): Sensor[] {
  const pick = chosen === null ? undefined : power.find((s) => s.sensorId === chosen);
  return pick ? [pick] : power.filter(isP1Meter);
}

/**
 * The biggest consumers right now, and what no sub-meter accounts for: the main meter minus the sum of the others
 * (shown only when a main meter exists, and never below zero: sub-meters read at slightly different instants).
 */
export function TopConsumers({
  power,
  mainMeter,
  onChooseMainMeter,
}: {
  power: readonly Sensor[];
  mainMeter: string | null;
  onChooseMainMeter: (sensorId: string | null) => void;
}) {
  const value = (s: Sensor) => liveReading(s.sensorId).value?.value ?? s.lastValue ?? 0;
  const main = mainMeters(power, mainMeter);
  const isMain = (s: Sensor) => main.some((m) => m.sensorId === s.sensorId);
  const subs = power.filter((s) => !isMain(s)).map((s) => ({ sensor: s, watts: value(s) }));
  const top = [...subs].sort((a, b) => b.watts - a.watts).slice(0, 5);
  const total =
    main.length > 0 ? main.reduce((sum, s) => sum + value(s), 0) : subs.reduce((sum, s) => sum + s.watts, 0);
  const untracked = main.length > 0 ? Math.max(0, total - subs.reduce((sum, s) => sum + s.watts, 0)) : null;
  if (top.length === 0) return null;
  const share = (watts: number) => (total > 0 ? Math.min(100, Math.round((watts / total) * 100)) : 0);
  return (
    <section aria-labelledby="top-h">
      <h2 id="top-h">Top consumers</h2>
      <ol class="bars">
        {top.map(({ sensor, watts }) => (
          <li key={sensor.sensorId}>
            <a href={sensorHref(sensor.sensorId)}>{sensorLabel(sensor.sensorId)}</a>
            <span class="bar" style={{ width: `${share(watts)}%` }} aria-hidden="true" />
            <span class="num">{quantity(watts, 'W')}</span>
          </li>
        ))}
        {untracked !== null && (
          <li class="untracked">
            <span>Untracked ({main.map((m) => sensorLabel(m.sensorId)).join(' + ')} minus sub-meters)</span>
            <span class="bar" style={{ width: `${share(untracked)}%` }} aria-hidden="true" />
            <span class="num">{quantity(untracked, 'W')}</span>
          </li>
        )}
      </ol>
      {untracked === null && (
        <p class="muted">
          No main meter is chosen and no DSMR P1 meter is connected, so what the sub-meters miss cannot be shown.
        </p>
      )}
      <label class="inline">
        Main meter{' '}
        <select
          value={mainMeter ?? ''}
          onChange={(e) => onChooseMainMeter(e.currentTarget.value === '' ? null : e.currentTarget.value)}
        >
          <option value="">automatic (a DSMR P1 meter)</option>
          {power.map((s) => (
            <option key={s.sensorId} value={s.sensorId}>
              {sensorLabel(s.sensorId)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
