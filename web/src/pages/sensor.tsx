import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type Sensor } from '../api/client';
import { Chart, type Annotation } from '../components/chart';
import { LiveValue } from '../components/live-value';
import { quantity, sensorLabel } from '../lib/format';
import { watchReadings } from '../lib/live';
import {
  chooseBucket,
  compareWith,
  parseRelative,
  summary,
  toColumns,
  toCsv,
  toLocalDays,
  userTimeZone,
  type Bucket,
  type Columns,
  type Compared,
} from '../lib/series';
import { allSensors } from '../lib/sensors';
import { isAdmin } from './admin/common';
import { ChangesList } from './sensor/changes-list';
import { download } from './sensor/download';
import { RangeForms } from './sensor/range-forms';
import { SeriesTable } from './sensor/series-table';
import type { ShownRange } from './sensor/shown-range';

const PRESETS = [
  { key: '1h', label: '1 h', ms: 3_600_000 },
  { key: '24h', label: '24 h', ms: 86_400_000 },
  { key: '7d', label: '7 d', ms: 7 * 86_400_000 },
  { key: '30d', label: '30 d', ms: 30 * 86_400_000 },
  { key: '1y', label: '1 y', ms: 365 * 86_400_000 },
] as const;

/** The range a link names (`?range=1y`, `?range=-6h`), else the last 24 hours. */
function rangeOf(query: Record<string, string>): ShownRange {
  const preset = PRESETS.find((p) => p.key === query.range);
  if (preset) return { key: preset.key, ms: preset.ms };
  const ms = query.range ? parseRelative(query.range) : null;
  return ms !== null && query.range ? { key: query.range, ms } : { key: '24h', ms: 86_400_000 };
}

export function SensorPage({ id }: { id: string }) {
  const sensorId = decodeURIComponent(id);
  const { query } = useLocation();
  const sensor = useSignal<Sensor | null | undefined>(undefined);
  // The range, the comparison and the bucket live in the address too, so a reload or a shared link shows the same.
  const shownRange = useSignal<ShownRange>(rangeOf(query));
  const compare = useSignal(query.compare === '1');
  const force15m = useSignal(query.bucket === '15m');
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
    const w = shownRange.value;
    const params = new URLSearchParams();
    if (w.key !== 'custom' && w.key !== '24h') params.set('range', w.key);
    if (compare.value) params.set('compare', '1');
    if (force15m.value) params.set('bucket', '15m');
    const search = params.size > 0 ? `?${params.toString()}` : '';
    if (search !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [shownRange.value, compare.value, force15m.value]);

  // The history is asked for at once, beside the sensor list (it needs only the id): one round trip less to a chart.
  useEffect(() => {
    const w = shownRange.value;
    const to = 'to' in w ? new Date(w.to) : new Date();
    const from = 'from' in w ? new Date(w.from) : new Date(to.getTime() - w.ms);
    const span = to.getTime() - from.getTime();
    const width = box.current?.clientWidth ?? document.getElementById('main')?.clientWidth ?? 800;
    const bucket = chooseBucket(span, width, force15m.value);
    // Days are the user's calendar days (23 or 25 hours on a DST change), folded from hourly buckets; the server's
    // day buckets are UTC days. Past five years (the hourly limit) the UTC days are drawn.
    const localDays = bucket === '1d' && span <= 1825 * 86_400_000;
    const fetchRange = async (
      start: Date,
      end: Date,
      asked: Bucket = bucket,
    ): Promise<{ columns: Columns; bucket: Bucket } | null> => {
      const { data } = await api.GET('/api/readings/series', {
        params: {
          query: {
            sensor: [sensorId],
            from: start.toISOString(),
            to: end.toISOString(),
            bucket: localDays ? '1h' : asked,
          },
        },
      });
      const series = (typeof data === 'object' ? data.series : [])[0];
      if (!series) return null;
      // A counter's raw points are its running total; a chart of it shows energy per bucket, 15 minutes at the finest.
      if (asked === 'raw' && series.kind === 'counter') return fetchRange(start, end, '15m');
      return { columns: toColumns(localDays ? toLocalDays(series, userTimeZone()) : series, asked), bucket: asked };
    };
    columns.value = null;
    let current = true;
    Promise.all([
      fetchRange(from, to),
      compare.value ? fetchRange(new Date(from.getTime() - span), from) : Promise.resolve(null),
    ])
      .then(([now, before]) => {
        if (!current) return;
        const range = [Math.floor(from.getTime() / 1000), Math.ceil(to.getTime() / 1000)] as const;
        const empty: Columns = { x: [], y: [], lo: [], hi: [], kind: 'raw' };
        columns.value = {
          columns: compareWith(
            now?.columns ?? empty,
            compare.value ? (before?.columns ?? empty) : null,
            Math.round(span / 1000),
          ),
          bucket: now?.bucket ?? bucket,
          range,
        };
      })
      .catch(() => (failed.value = true));
    return () => {
      current = false;
    };
  }, [sensorId, shownRange.value, force15m.value, compare.value]);

  // What the log says happened around the sensor explains steps and holes in a chart: its gateway going offline,
  // configuration and firmware changes, switch commands. The server leaves out what the caller may not see; asked
  // only for a sensor the caller sees (another's would answer 404).
  useEffect(() => {
    annotations.value = [];
    if (!sensor.value) return;
    const w = shownRange.value;
    const to = 'to' in w ? new Date(w.to) : new Date();
    const from = 'from' in w ? new Date(w.from) : new Date(to.getTime() - w.ms);
    let current = true;
    api
      .GET('/api/sensors/annotations', {
        params: { query: { sensor: sensorId, from: from.toISOString(), to: to.toISOString() } },
      })
      .then(({ data }) => {
        if (!current || !data) return;
        annotations.value = data.items.map((a) => ({
          // Exact to the millisecond: the link to the configuration as of then must not land before the change.
          t: Date.parse(a.at) / 1000,
          kind: a.kind,
          label: a.label,
          ...(a.recordedAt ? { recordedAt: a.recordedAt } : {}),
        }));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [sensor.value, shownRange.value]);

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
              toCsv(shown.columns, s.sensorId, s.unit, shown.bucket, userTimeZone()),
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
      <RangeForms shownRange={shownRange} />
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
      <ChangesList annotations={annotations.value} {...(isAdmin() ? { configurationOf: s.nodeId } : {})} />
    </section>
  );
}
