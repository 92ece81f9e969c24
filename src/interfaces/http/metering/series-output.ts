import type {
  ReadingSeries,
  SeriesPoint,
} from '../../../application/metering/query-readings/reading-series/query-reading-series.query.js';

/** RFC 4180: a field holding a comma, quote, CR or LF is quoted, with quotes doubled. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CRLF = '\r\n';
const RAW_COLUMNS = ['sensor_id', 't', 'value'] as const;
// One header for every bucketed answer, whatever mix of sensors: gauges leave delta empty, counters avg/min/max.
const BUCKET_COLUMNS = ['sensor_id', 't', 'count', 'avg', 'min', 'max', 'delta'] as const;

export function csvColumns(series: Pick<ReadingSeries, 'bucket'>): readonly string[] {
  return series.bucket === 'raw' ? RAW_COLUMNS : BUCKET_COLUMNS;
}

function csvCells(point: SeriesPoint): (string | number | null)[] {
  if ('value' in point) return [point.t, point.value];
  if ('delta' in point) return [point.t, point.count, null, null, null, point.delta];
  return [point.t, point.count, point.avg, point.min, point.max, null];
}

/** The series as CSV with a header line, one chunk per page of points. */
export async function* seriesCsv(series: ReadingSeries): AsyncGenerator<string> {
  yield csvColumns(series).join(',') + CRLF;
  for (const sensor of series.sensors) {
    const id = csvField(sensor.sensorId);
    for await (const page of series.pages(sensor)) {
      yield page.map((point) => `${id},${csvCells(point).map(csvField).join(',')}${CRLF}`).join('');
    }
  }
}

/** `{...}` without its closing brace, so more members can follow. */
function openObject(value: object): string {
  return JSON.stringify(value).slice(0, -1);
}

/** The series as one JSON document, written page by page so that memory does not grow with the range. */
export async function* seriesJson(series: ReadingSeries): AsyncGenerator<string> {
  const { bucket, from, to, missing } = series;
  yield `${openObject({ bucket, from, to, missing })},"series":[`;
  for (const [index, sensor] of series.sensors.entries()) {
    yield `${index > 0 ? ',' : ''}${openObject(sensor)},"points":[`;
    let first = true;
    for await (const page of series.jsonPages(sensor)) {
      if (page === '') continue;
      // A separate comma rather than `,${page}`: the joined string would be copied once more when it is written.
      if (!first) yield ',';
      yield page;
      first = false;
    }
    yield ']}';
  }
  yield ']}';
}

/** The q value the Accept header gives `type`, from its most specific matching range (RFC 9110 §12.5.1). */
function qualityOf(accept: string, type: string): number {
  const [major] = type.split('/');
  let best = { specificity: 0, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const specificity = range.trim() === type ? 3 : range.trim() === `${major}/*` ? 2 : range.trim() === '*/*' ? 1 : 0;
    if (specificity <= best.specificity) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    best = { specificity, q: q === undefined ? 1 : Number(q) || 0 };
  }
  return best.q;
}

/** CSV only when the client ranks text/csv above application/json (ties and no Accept header: JSON). */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const csv = qualityOf(accept, 'text/csv');
  return csv > 0 && csv > qualityOf(accept, 'application/json');
}
