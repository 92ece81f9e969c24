import type { Sensor } from '../api/client';
import { quantity, sensorLabel } from '../lib/format';
import { liveReading } from '../lib/live';
import { sensorHref } from '../lib/sensors';

/** The grid meter (a DSMR P1 port) measures the whole home; every other power sensor measures part of it. */
export function isMainMeter(sensor: Sensor): boolean {
  return sensor.nodeId.startsWith('dsmr:');
}

/**
 * The biggest consumers right now, and what no sub-meter accounts for: the main meter minus the sum of the others
 * (shown only when a main meter exists, and never below zero: sub-meters read at slightly different instants).
 */
export function TopConsumers({ power }: { power: readonly Sensor[] }) {
  const value = (s: Sensor) => liveReading(s.sensorId).value?.value ?? s.lastValue ?? 0;
  const main = power.filter(isMainMeter);
  const subs = power.filter((s) => !isMainMeter(s)).map((s) => ({ sensor: s, watts: value(s) }));
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
            <span>Untracked (main meter minus sub-meters)</span>
            <span class="bar" style={{ width: `${share(untracked)}%` }} aria-hidden="true" />
            <span class="num">{quantity(untracked, 'W')}</span>
          </li>
        )}
      </ol>
      {untracked === null && (
        <p class="muted">No main meter (DSMR P1) is connected, so what the sub-meters miss cannot be shown.</p>
      )}
    </section>
  );
}
