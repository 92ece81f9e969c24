import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { api, type Alarm } from '../api/client';
import { dateTime, quantity, sensorLabel } from '../lib/format';
import { sensorHref } from '../lib/sensors';

function settingText(alarm: Alarm): string {
  const setting = alarm.setting as {
    kind: string;
    thresholdW?: number;
    forSeconds?: number;
    minV?: number;
    maxV?: number;
  };
  if (setting.kind === 'alarm_power_above')
    return `above ${quantity(setting.thresholdW, 'W')} for ${setting.forSeconds ?? 0} s`;
  return `outside ${setting.minV ?? '?'}–${setting.maxV ?? '?'} V for ${setting.forSeconds ?? 0} s`;
}

function AlarmTable({ alarms, open }: { alarms: Alarm[]; open: boolean }) {
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Sensor</th>
            <th scope="col">Setting in force</th>
            <th scope="col">Since</th>
            <th scope="col" class="num">
              Peak
            </th>
            {!open && <th scope="col">Ended</th>}
          </tr>
        </thead>
        <tbody>
          {alarms.map((a) => (
            <tr key={a.alarmId}>
              <td>
                <a href={sensorHref(a.sensorId)}>{sensorLabel(a.sensorId)}</a>
              </td>
              <td>{settingText(a)}</td>
              <td>{dateTime(a.since)}</td>
              <td class="num">{quantity(a.peak, a.unit)}</td>
              {!open && (
                <td>{a.clearedAt ? `${dateTime(a.clearedAt)} (${(a.clearReason ?? '').replace(/_/g, ' ')})` : ''}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AlarmsPage() {
  const alarms = useSignal<Alarm[] | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    api
      .GET('/api/alarms', { params: { query: { state: 'all', limit: 200 } } })
      .then(({ data }) => (data ? (alarms.value = data.items) : (failed.value = true)))
      .catch(() => (failed.value = true));
  }, []);
  const open = (alarms.value ?? []).filter((a) => a.state === 'open');
  const past = (alarms.value ?? []).filter((a) => a.state !== 'open');
  return (
    <section>
      <h1>Alarms</h1>
      {failed.value && <p class="error">The alarms could not be loaded; reload the page to try again.</p>}
      {alarms.value === null && !failed.value && <p role="status">Loading…</p>}
      {alarms.value !== null && (
        <>
          <h2>Open</h2>
          {open.length === 0 ? <p class="empty">No open alarms.</p> : <AlarmTable alarms={open} open />}
          <h2>Past</h2>
          {past.length === 0 ? (
            <p class="empty">No past alarms. Alarms come from the power and voltage limits set on your nodes.</p>
          ) : (
            <AlarmTable alarms={past} open={false} />
          )}
        </>
      )}
    </section>
  );
}
