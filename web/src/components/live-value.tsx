import type { Sensor } from '../api/client';
import { now } from '../lib/clock';
import { ago, quantity } from '../lib/format';
import { liveReading } from '../lib/live';

/** A sensor's newest value: live from the stream once one arrives, else the last stored one. */
export function LiveValue({ sensor }: { sensor: Sensor }) {
  const live = liveReading(sensor.sensorId).value;
  const value = live?.value ?? sensor.lastValue;
  const at = live?.measuredAt ?? sensor.lastMeasuredAt;
  const stale = at ? now.value - Date.parse(at) > 5 * 60_000 : true;
  return (
    <>
      <span class="value" data-sensor-value={sensor.sensorId}>
        {quantity(value, sensor.unit)}
      </span>{' '}
      <span class={stale ? 'fresh stale' : 'fresh'}>{ago(at, now.value)}</span>
    </>
  );
}
