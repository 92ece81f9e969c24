import { Inject, Optional } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../../ports/read-model-db.port.js';
import { DATA_ACCESS_RECORDER, type DataAccessRecorder } from '../../../access/ports/data-access-recorder.port.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { LATEST_SCOPE_COLUMNS, scopeCondition } from '../../../access/sensor-scope/sensor-scope.js';
import { accessWindows, bucketStartsIn } from '../../../access/sensor-scope/ownership-windows.js';
import type { SensorScope } from '../../../access/sensor-scope/sensor-access.port.js';
import { bucketWidthMs, type BucketWidth } from '../../readings-read-model/reading-buckets.js';
import { InvalidReadingQueryError } from '../reading-query.errors.js';
import { bind } from '../../../shared/sql.js';
import { READINGS_LATEST_TABLE } from '../../readings-read-model/readings.tables.js';
import {
  QueryReadingSeries,
  type ReadingSeries,
  type SeriesPoint,
  type SeriesSensor,
} from './query-reading-series.query.js';
import { checkSeriesRange, checkSeriesSensors, SERIES_LIMITS, seriesKind } from './series-limits.js';
import { DayJsonWriteBack } from './day-json-cache.sql.js';
import { RenderedDayMemory, SERIES_DAY_MEMORY } from './rendered-day-memory.js';
import { BUCKET_JSON_PAGE_SIZE, bucketJsonPages } from './series-json.sql.js';
import { bucketPages, countRawPoints, rawPoints, type TimeRange } from './series.sql.js';

/** Points in a page of JSON point objects: each one opens with its time. */
function countJsonPoints(page: string): number {
  let count = 0;
  for (let at = page.indexOf('{"t":'); at !== -1; at = page.indexOf('{"t":', at + 5)) count++;
  return count;
}

interface SensorRow {
  sensor_id: string;
  node_id: string;
  gateway_id: string;
  quantity: string;
  unit: string;
}

@QueryHandler(QueryReadingSeries)
export class QueryReadingSeriesHandler implements IQueryHandler<QueryReadingSeries, ReadingSeries> {
  /** Days the JSON answers rendered go to readings_day_json, so the next answer reads them as stored text. */
  readonly dayWrites: DayJsonWriteBack;
  /** This process's copies of the days it served, in front of readings_day_json. */
  readonly dayMemory: RenderedDayMemory;

  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
    @Inject(DATA_ACCESS_RECORDER) private readonly accessLog: DataAccessRecorder,
    @Optional() @Inject(SERIES_DAY_MEMORY) dayMemory?: RenderedDayMemory,
  ) {
    this.dayWrites = new DayJsonWriteBack(db);
    this.dayMemory = dayMemory ?? new RenderedDayMemory();
  }

  async execute({ principal, request }: QueryReadingSeries): Promise<ReadingSeries> {
    const wanted = [...new Set(request.sensorIds)];
    checkSeriesSensors(wanted.length);
    const from = new Date(request.from);
    const to = new Date(request.to);
    checkSeriesRange(request.bucket, from, to);
    const range: TimeRange = { from: from.toISOString(), to: to.toISOString() };
    const scope = await this.access.sensorScope(principal, request.bucket === 'raw' ? 'read' : 'aggregate');
    const sensors = await this.knownSensors(scope, wanted);
    const visibleIds = sensors.map((s) => s.sensorId);
    // Each sensor's data is read only inside the ownership periods the caller may see (ADR 0024).
    const windows = new Map<string, readonly TimeRange[]>();
    for (const sensor of sensors) windows.set(sensor.sensorId, await accessWindows(this.db, scope, sensor, range));
    const windowsOf = (sensorId: string): readonly TimeRange[] => windows.get(sensorId) ?? [];
    const bucketRanges = (sensorId: string, width: string): TimeRange[] =>
      windowsOf(sensorId).flatMap((window) => {
        const starts = bucketStartsIn(window, range, bucketWidthMs(width as BucketWidth));
        return starts ? [starts] : [];
      });
    if (request.bucket === 'raw' && visibleIds.length > 0) {
      const limit = SERIES_LIMITS.maxRawPoints;
      let count = 0;
      for (const sensorId of visibleIds) {
        for (const window of windowsOf(sensorId)) {
          if (count > limit) break;
          count += await countRawPoints(this.db, [sensorId], window, limit + 1 - count);
        }
      }
      if (count > limit) {
        throw new InvalidReadingQueryError(
          `bucket raw allows at most ${limit} points per request; narrow the range, ask for fewer sensors or use a bucket`,
        );
      }
    }
    const db = this.db;
    const days = { writeBack: this.dayWrites, memory: this.dayMemory };
    const accessLog = this.accessLog;
    const bucket = request.bucket;
    async function* pointPages(sensor: SeriesSensor): AsyncGenerator<readonly SeriesPoint[]> {
      if (bucket === 'raw') {
        for (const window of windowsOf(sensor.sensorId)) {
          const points = await rawPoints(db, sensor.sensorId, window, SERIES_LIMITS.maxRawPoints);
          if (points.length > 0) yield points;
        }
        return;
      }
      for (const window of bucketRanges(sensor.sensorId, bucket)) yield* bucketPages(db, sensor, bucket, window);
    }
    async function* textPages(sensor: SeriesSensor): AsyncGenerator<string> {
      if (bucket !== 'raw') {
        for (const window of bucketRanges(sensor.sensorId, bucket)) {
          for await (const page of bucketJsonPages(db, sensor, bucket, window, BUCKET_JSON_PAGE_SIZE, days)) {
            if (page.length > 0) yield page;
          }
        }
        return;
      }
      for await (const page of pointPages(sensor)) yield page.map((point) => JSON.stringify(point)).join(',');
    }
    /** Whatever the output, the data-access log learns how many points of the sensor left, even on an abort. */
    async function* logged<T>(
      sensor: SeriesSensor,
      source: AsyncGenerator<T>,
      points: (page: T) => number,
    ): AsyncGenerator<T> {
      let rows = 0;
      try {
        for await (const page of source) {
          rows += points(page);
          yield page;
        }
      } finally {
        accessLog.record(principal, [{ sensorId: sensor.sensorId, gatewayId: sensor.gatewayId, rows }]);
      }
    }
    return {
      bucket,
      ...range,
      sensors,
      missing: wanted.filter((id) => !visibleIds.includes(id)),
      pages: (sensor) => logged(sensor, pointPages(sensor), (page) => page.length),
      jsonPages: (sensor) => logged(sensor, textPages(sensor), countJsonPoints),
    };
  }

  /** The sensors asked for that the scope reaches in any period; the windows then bound what is read of each. */
  private async knownSensors(scope: SensorScope, wanted: readonly string[]): Promise<SeriesSensor[]> {
    const params: unknown[] = [];
    const where = [`sensor_id = ANY(${bind(params, wanted)}::text[])`];
    const scoped = scopeCondition(scope, params, LATEST_SCOPE_COLUMNS);
    if (scoped) where.push(scoped);
    const rows = await this.db.query<SensorRow>(
      `SELECT sensor_id, node_id, gateway_id, quantity, unit FROM ${READINGS_LATEST_TABLE} WHERE ${where.join(' AND ')}`,
      params,
    );
    const byId = new Map(rows.map((row) => [row.sensor_id, row]));
    return wanted.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const { sensor_id: sensorId, node_id: nodeId, gateway_id: gatewayId, quantity, unit } = row;
      return [{ sensorId, nodeId, gatewayId, quantity, unit, kind: seriesKind(quantity) }];
    });
  }
}
