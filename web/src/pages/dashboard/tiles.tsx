import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { api, type ActuatorCommand, type Alarm, type Reading } from '../../api/client';
import { Chart } from '../../components/chart';
import { now } from '../../lib/clock';
import { joinColumns, resolveRange, type Tile, type TimeRange } from '../../lib/dashboards';
import { ago, dateTime, quantity, sensorLabel } from '../../lib/format';
import { liveReading } from '../../lib/live';
import { sensorHref } from '../../lib/sensors';
import { chooseBucket, summary, toColumns, type Columns } from '../../lib/series';
import { SeriesTable } from '../sensor/series-table';

const FINAL = new Set<ActuatorCommand['status']>(['acknowledged', 'failed', 'timed_out']);
const STATUS_TEXT: Record<ActuatorCommand['status'], string> = {
  requested: 'pending: waiting for the gateway',
  dispatched: 'pending: sent, waiting for the device',
  acknowledged: 'applied',
  failed: 'failed',
  timed_out: 'timed out',
};

/** The latest reading of a sensor: fetched once, then kept current by the live stream. */
function useLatest(sensorId: string): { reading: Reading | null; missing: boolean } {
  const fetched = useSignal<Reading | null>(null);
  const missing = useSignal(false);
  useEffect(() => {
    api
      .GET('/api/readings/latest', { params: { query: { sensor: [sensorId] } } })
      .then(({ data }) => {
        fetched.value = data?.items[0] ?? null;
        missing.value = !data || data.items.length === 0;
      })
      .catch(() => (missing.value = true));
  }, [sensorId]);
  const live = liveReading(sensorId).value;
  return { reading: live ?? fetched.value, missing: missing.value && !live };
}

function ChartTile({ tile, range }: { tile: Tile; range: TimeRange }) {
  const sensorIds = tile.sensorIds ?? [];
  const shown = useSignal<{
    ids: string[];
    columns: Columns[];
    units: string[];
    from: number;
    to: number;
  } | null>(null);
  const failed = useSignal(false);
  const asTable = useSignal(false);
  const key = JSON.stringify([sensorIds, range]);
  useEffect(() => {
    let current = true;
    const { from, to } = resolveRange(range, Date.now());
    // Several sensors share one time axis, so they are read in buckets (never raw points that do not line up).
    const chosen = chooseBucket(to - from, 600);
    const bucket = chosen === 'raw' && sensorIds.length > 1 ? '15m' : chosen;
    shown.value = null;
    failed.value = false;
    api
      .GET('/api/readings/series', {
        params: {
          query: { sensor: sensorIds, from: new Date(from).toISOString(), to: new Date(to).toISOString(), bucket },
        },
      })
      .then(({ data }) => {
        if (!current) return;
        if (!data || typeof data !== 'object') return void (failed.value = true);
        const bySensor = new Map(data.series.map((s) => [s.sensorId, s]));
        const present = sensorIds.filter((id) => bySensor.has(id));
        shown.value = {
          ids: present,
          columns: present.map((id) => toColumns(bySensor.get(id)!, bucket)),
          units: present.map((id) => bySensor.get(id)!.unit),
          from,
          to,
        };
      })
      .catch(() => current && (failed.value = true));
    return () => {
      current = false;
    };
  }, [key]);
  const joined = useMemo(
    () => (shown.value && shown.value.columns.length > 0 ? joinColumns(shown.value.columns) : null),
    [shown.value],
  );
  if (failed.value) return <p class="error">The readings could not be loaded.</p>;
  if (!shown.value) return <p role="status">Loading…</p>;
  if (!joined || joined.first.x.length === 0)
    return <p class="empty">No readings in this range for {sensorIds.map(sensorLabel).join(', ')}.</p>;
  const unit = shown.value.units[0] ?? '';
  const stats = summary(joined.first);
  const names = sensorIds.map(sensorLabel);
  const title = tile.title || 'Chart';
  const { ids, columns, units } = shown.value;
  return (
    <>
      {asTable.value ? (
        ids.map((id, i) => (
          <section key={id} aria-label={sensorLabel(id)}>
            <h3 class="muted">{sensorLabel(id)}</h3>
            <SeriesTable columns={columns[i]!} unit={units[i] ?? ''} />
          </section>
        ))
      ) : (
        <Chart
          columns={{ ...joined.first, previous: null }}
          unit={unit}
          firstLabel={names[0]}
          more={joined.more.map((y, i) => ({ label: names[i + 1] ?? '', y }))}
          range={[shown.value.from / 1000, shown.value.to / 1000]}
          label={`${title}: ${names.join(', ')}; ${stats.points} points, ${names[0]} from ${quantity(stats.min, unit)} to ${quantity(stats.max, unit)}`}
        />
      )}
      <button type="button" aria-pressed={asTable.value} onClick={() => (asTable.value = !asTable.value)}>
        {asTable.value ? `Show ${title} as a chart` : `Show ${title} as a table`}
      </button>
    </>
  );
}

function NumberTile({ tile }: { tile: Tile }) {
  const { reading, missing } = useLatest(tile.sensorId ?? '');
  if (missing) return <p class="empty">No reading of {sensorLabel(tile.sensorId ?? '')} you may see.</p>;
  return (
    <p>
      <span class="value">{reading ? quantity(reading.value, reading.unit) : '…'}</span>{' '}
      <span class="fresh">{reading ? ago(reading.measuredAt, now.value) : ''}</span>
    </p>
  );
}

function GaugeTile({ tile }: { tile: Tile }) {
  const { reading, missing } = useLatest(tile.sensorId ?? '');
  const min = tile.min ?? 0;
  const max = tile.max ?? 100;
  if (missing) return <p class="empty">No reading of {sensorLabel(tile.sensorId ?? '')} you may see.</p>;
  const value = reading?.value ?? min;
  return (
    <div class="gauge">
      <meter min={min} max={max} value={Math.min(max, Math.max(min, value))} aria-label={tile.title || 'Gauge'}>
        {quantity(value, reading?.unit ?? '')}
      </meter>
      <p>
        <span class="value">{reading ? quantity(reading.value, reading.unit) : '…'}</span>{' '}
        <span class="muted">
          of {quantity(min, reading?.unit ?? '')} – {quantity(max, reading?.unit ?? '')}
        </span>
      </p>
    </div>
  );
}

/** Desired, reported and applied, like the Switches page: a command is followed until it is applied or fails. */
function SwitchTile({ tile, readOnly }: { tile: Tile; readOnly: boolean }) {
  const sensorId = tile.sensorId ?? '';
  const { reading, missing } = useLatest(sensorId);
  const command = useSignal<ActuatorCommand | null>(null);
  const error = useSignal<string | null>(null);
  const send = async (action: 'on' | 'off') => {
    error.value = null;
    try {
      const { data, error: problem } = await api.POST('/api/actuator-commands', {
        body: { sensorId, action, reason: 'dashboard' },
      });
      if (!data) return void (error.value = (problem as { detail?: string } | undefined)?.detail ?? 'refused');
      command.value = data;
      while (command.value && !FINAL.has(command.value.status)) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const next = await api.GET('/api/actuator-commands/{id}', { params: { path: { id: data.commandId } } });
        if (next.data) command.value = next.data;
      }
    } catch {
      error.value = 'the server could not be reached';
    }
  };
  if (missing) return <p class="empty">No switch {sensorLabel(sensorId)} you may see.</p>;
  const c = command.value;
  const pending = c !== null && !FINAL.has(c.status);
  const reported = reading?.value;
  return (
    <div>
      <p>
        Reported:{' '}
        <strong>{reported === undefined || reported === null ? 'unknown' : reported >= 1 ? 'on' : 'off'}</strong>{' '}
        <span class="fresh">{reading ? ago(reading.measuredAt, now.value) : ''}</span>
      </p>
      <p aria-live="polite" data-command-status={c?.status ?? ''}>
        {c ? `Desired ${c.action}: ${STATUS_TEXT[c.status]}` : ''}
        {c?.outcome && c.status !== 'acknowledged' ? ` (${c.outcome})` : ''}
        {error.value && <span class="error">{error.value}</span>}
      </p>
      {!readOnly && (
        <div class="actions">
          <button
            type="button"
            disabled={pending}
            onClick={() => void send('on')}
            aria-label={`Switch ${tile.title || sensorLabel(sensorId)} on`}
          >
            On
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => void send('off')}
            aria-label={`Switch ${tile.title || sensorLabel(sensorId)} off`}
          >
            Off
          </button>
        </div>
      )}
    </div>
  );
}

function AlarmsTile({ tile, range }: { tile: Tile; range: TimeRange }) {
  const alarms = useSignal<Alarm[] | null>(null);
  const failed = useSignal(false);
  const key = JSON.stringify([tile.sensorIds, range]);
  useEffect(() => {
    let current = true;
    const { from, to } = resolveRange(range, Date.now());
    const window = {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      limit: 50,
      state: 'all' as const,
    };
    const sensors = tile.sensorIds ?? [];
    const asks = sensors.length === 0 ? [undefined] : sensors;
    Promise.all(
      asks.map((sensor) => api.GET('/api/alarms', { params: { query: { ...window, ...(sensor ? { sensor } : {}) } } })),
    )
      .then((answers) => {
        if (!current) return;
        if (answers.some((a) => !a.data)) return void (failed.value = true);
        alarms.value = answers.flatMap((a) => a.data!.items).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
      })
      .catch(() => current && (failed.value = true));
    return () => {
      current = false;
    };
  }, [key]);
  if (failed.value) return <p class="error">The alarms could not be loaded.</p>;
  if (!alarms.value) return <p role="status">Loading…</p>;
  if (alarms.value.length === 0) return <p class="empty">No alarms in this range.</p>;
  return (
    <ul class="alarm-list">
      {alarms.value.map((a) => (
        <li key={a.alarmId}>
          <strong>{a.state === 'open' ? 'Open' : 'Ended'}</strong>{' '}
          <a href={sensorHref(a.sensorId)}>{sensorLabel(a.sensorId)}</a> peak {quantity(a.peak, a.unit)}, since{' '}
          {dateTime(a.since)}
        </li>
      ))}
    </ul>
  );
}

/** What a tile shows, under the dashboard's range unless it has its own. */
export function TileBody({ tile, range, readOnly }: { tile: Tile; range: TimeRange; readOnly: boolean }) {
  const own = tile.timeRange ?? range;
  switch (tile.kind) {
    case 'chart':
      return <ChartTile tile={tile} range={own} />;
    case 'number':
      return <NumberTile tile={tile} />;
    case 'gauge':
      return <GaugeTile tile={tile} />;
    case 'switch':
      return <SwitchTile tile={tile} readOnly={readOnly} />;
    case 'alarms':
      return <AlarmsTile tile={tile} range={own} />;
  }
}
