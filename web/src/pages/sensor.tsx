import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { api, type Sensor } from '../api/client';
import { Chart, type Annotation } from '../components/chart';
import { LiveValue } from '../components/live-value';
import { dateTime, quantity, sensorLabel } from '../lib/format';
import { watchReadings } from '../lib/live';
import {
  chooseBucket,
  compareWith,
  parseRelative,
  summary,
  toColumns,
  toCsv,
  type Bucket,
  type Columns,
  type Compared,
} from '../lib/series';
import { allSensors } from '../lib/sensors';

const PRESETS = [
  { key: '1h', label: '1 h', ms: 3_600_000 },
  { key: '24h', label: '24 h', ms: 86_400_000 },
  { key: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 d', ms: 30 * 86_400_000 },
  { key: '1y', label: '1 y', ms: 365 * 86_400_000 },
] as const;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SensorPage({ id }: { id: string }) {
  const sensorId = decodeURIComponent(id);
  const sensor = useSignal<Sensor | null | undefined>(undefined);
  /** The shown range: a preset or relative length ending now, or a custom from–to (ms). */
  const shownRange = useSignal<{ key: string; ms: number } | { key: 'custom'; from: number; to: number }>({
    key: '24h',
    ms: 86_400_000,
  });
  const relative = useSignal('');
  const relativeError = useSignal(false);
  const compare = useSignal(false);
  const force15m = useSignal(false);
  const columns = useSignal<{ columns: Compared; bucket: Bucket; range: readonly [number, number] } | null>(null);
  const annotations = useSignal<Annotation[]>([]);
  const asTable = useSignal(false);
  const box = useRef<HTMLDivElement>(null);
  const failed = useSignal(false);

  useEffect(() => {
    allSensors()
      .then((all) => (sensor.value = all.find((s) => s.sensorId === sensorId) ?? null))
      .catch(() => (failed.value = true));
    return watchReadings([sensorId]);
  }, [sensorId]);

  useEffect(() => {
    if (!sensor.value) return;
    const w = shownRange.value;
    const to = 'to' in w ? new Date(w.to) : new Date();
    const from = 'from' in w ? new Date(w.from) : new Date(to.getTime() - w.ms);
    const span = to.getTime() - from.getTime();
    const bucket = chooseBucket(span, box.current?.clientWidth ?? 800, force15m.value);
    const fetchRange = async (start: Date, end: Date): Promise<Columns | null> => {
      const { data } = await api.GET('/api/readings/series', {
        params: { query: { sensor: [sensorId], from: start.toISOString(), to: end.toISOString(), bucket } },
      });
      const series = (typeof data === 'object' ? data.series : [])[0];
      return series ? toColumns(series, bucket) : null;
    };
    columns.value = null;
    annotations.value = [];
    let current = true;
    // Configuration changes of the sensor's node explain steps in a chart; callers who may not read them see none.
    api
      .GET('/api/nodes/{nodeId}/configuration/changes', {
        params: { path: { nodeId: sensor.value.nodeId }, query: { from: from.toISOString(), to: to.toISOString() } },
      })
      .then(({ data }) => {
        if (!current || !Array.isArray(data)) return;
        annotations.value = data.slice(0, 200).map((c) => ({
          t: Math.round(Date.parse(c.at) / 1000),
          label: `${c.type.replace(/^NodeConfiguration/, 'configuration ').toLowerCase()}: ${c.field} ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)} (by ${c.by})`,
        }));
      })
      .catch(() => undefined);
    Promise.all([
      fetchRange(from, to),
      compare.value ? fetchRange(new Date(from.getTime() - span), from) : Promise.resolve(null),
    ])
      .then(([now, before]) => {
        if (!current) return;
        const range = [Math.floor(from.getTime() / 1000), Math.ceil(to.getTime() / 1000)] as const;
        const empty: Columns = { x: [], y: [], lo: [], hi: [], kind: 'raw' };
        columns.value = {
          columns: compareWith(now ?? empty, compare.value ? (before ?? empty) : null, Math.round(span / 1000)),
          bucket,
          range,
        };
      })
      .catch(() => (failed.value = true));
    return () => {
      current = false;
    };
  }, [sensor.value, shownRange.value, force15m.value, compare.value]);

  const applyRelative = (event: SubmitEvent) => {
    event.preventDefault();
    const ms = parseRelative(relative.value);
    relativeError.value = ms === null;
    if (ms !== null) shownRange.value = { key: relative.value.trim(), ms };
  };
  const applyCustom = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const from = Date.parse(String(form.get('from')));
    const to = Date.parse(String(form.get('to')));
    if (Number.isFinite(from) && Number.isFinite(to) && from < to) shownRange.value = { key: 'custom', from, to };
  };

  if (failed.value) return <p class="error">This page could not be loaded; reload it to try again.</p>;
  if (sensor.value === undefined) return <p role="status">Loading…</p>;
  if (sensor.value === null)
    return (
      <section>
        <h1>Sensor not found</h1>
        <p class="empty">There is no sensor {sensorId} that you may see.</p>
      </section>
    );
  const s = sensor.value;
  const shown = columns.value;
  const stats = shown ? summary(shown.columns) : null;
  const description =
    stats && stats.points > 0
      ? `${sensorLabel(s.sensorId)}, ${shown!.bucket} buckets: ${stats.points} points, min ${quantity(stats.min, s.unit)}, average ${quantity(stats.avg, s.unit)}, max ${quantity(stats.max, s.unit)}`
      : `${sensorLabel(s.sensorId)}: no data in this range`;
  return (
    <section>
      <h1>{sensorLabel(s.sensorId)}</h1>
      <p class="muted">
        {s.quantity} · node {s.nodeId} · gateway {s.gatewayId}
      </p>
      <p class="big">
        <LiveValue sensor={s} />
      </p>
      <div class="toolbar" role="group" aria-label="Time range">
        {PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            aria-pressed={shownRange.value.key === p.key}
            onClick={() => (shownRange.value = { key: p.key, ms: p.ms })}
          >
            {p.label}
          </button>
        ))}
        <label class="inline">
          <input type="checkbox" checked={compare.value} onChange={(e) => (compare.value = e.currentTarget.checked)} />{' '}
          Compare with previous period
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={force15m.value}
            onChange={(e) => (force15m.value = e.currentTarget.checked)}
          />{' '}
          15 min buckets
        </label>
        <button
          type="button"
          disabled={!shown || shown.columns.x.length === 0}
          onClick={() =>
            shown &&
            download(
              toCsv(shown.columns, s.sensorId, s.unit, shown.bucket),
              `${sensorLabel(s.sensorId).replace(/[^\w.-]+/g, '_')}.csv`,
            )
          }
        >
          Export CSV
        </button>
        <button type="button" aria-pressed={asTable.value} onClick={() => (asTable.value = !asTable.value)}>
          {asTable.value ? 'Show chart' : 'Show as table'}
        </button>
      </div>
      <div class="toolbar">
        <form class="inline" onSubmit={applyRelative}>
          <label class="inline">
            Last
            <input
              name="relative"
              size={6}
              placeholder="-1d"
              value={relative.value}
              onInput={(e) => (relative.value = e.currentTarget.value)}
              aria-invalid={relativeError.value}
              aria-describedby="relative-help"
            />
          </label>
          <button type="submit">Show</button>
          <span id="relative-help" class={relativeError.value ? 'error' : 'muted'}>
            {relativeError.value ? 'Use a form like -30m, -6h, -1d, -2w or -1y.' : 'e.g. -6h, -1d, -2w'}
          </span>
        </form>
        <form class="inline" onSubmit={applyCustom}>
          <label class="inline">
            From <input type="datetime-local" name="from" required />
          </label>
          <label class="inline">
            To <input type="datetime-local" name="to" required />
          </label>
          <button type="submit" aria-pressed={shownRange.value.key === 'custom'}>
            Custom range
          </button>
        </form>
      </div>
      <div ref={box} class="chart-box">
        {!shown && <p role="status">Loading history…</p>}
        {shown && shown.columns.x.length === 0 && <p class="empty">No readings in this range.</p>}
        {shown && shown.columns.x.length > 0 && !asTable.value && (
          <Chart
            columns={shown.columns}
            unit={s.unit}
            label={description}
            range={shown.range}
            annotations={annotations.value}
          />
        )}
        {shown && shown.columns.x.length > 0 && asTable.value && <SeriesTable columns={shown.columns} unit={s.unit} />}
      </div>
      <p class="muted">{description}</p>
      {annotations.value.length > 0 && (
        <section aria-labelledby="changes-h">
          <h2 id="changes-h">Changes in this range</h2>
          <ul class="changes">
            {annotations.value.map((a) => (
              <li key={`${a.t}-${a.label}`}>
                <time dateTime={new Date(a.t * 1000).toISOString()}>
                  {dateTime(new Date(a.t * 1000).toISOString())}
                </time>{' '}
                {a.label}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function SeriesTable({ columns, unit }: { columns: Columns; unit: string }) {
  const rows = columns.x.length > 1000 ? 1000 : columns.x.length;
  return (
    <div class="table-scroll">
      <table>
        <caption class="muted">
          {rows < columns.x.length
            ? `The newest ${rows} of ${columns.x.length} rows; the CSV has them all.`
            : `${rows} rows`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col" class="num">
              {columns.kind === 'counter' ? 'Energy' : columns.kind === 'gauge' ? 'Average' : 'Value'}
            </th>
            {columns.kind === 'gauge' && (
              <th scope="col" class="num">
                Min
              </th>
            )}
            {columns.kind === 'gauge' && (
              <th scope="col" class="num">
                Max
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {columns.x.slice(-rows).map((t, j) => {
            const i = columns.x.length - rows + j;
            return (
              <tr key={t}>
                <td>{dateTime(new Date(t * 1000).toISOString())}</td>
                <td class="num">{columns.y[i] === null ? 'gap' : quantity(columns.y[i], unit)}</td>
                {columns.kind === 'gauge' && <td class="num">{quantity(columns.lo[i], unit)}</td>}
                {columns.kind === 'gauge' && <td class="num">{quantity(columns.hi[i], unit)}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
