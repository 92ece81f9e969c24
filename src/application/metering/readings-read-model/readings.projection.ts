import { READINGS_REPORTED } from '../../../domain/metering/gateway-frame.events.js';
import type { BatchContext, DecodingProjection } from '../../projections/projection.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { DecoderLookup } from '../ports/payload-decoders.port.js';
import { BatchReadingsDecoder, type ProjectedReading } from './batch-readings.js';
import { recomputeLateCounterBuckets } from './counter-recompute.sql.js';
import { planSensorReadings } from './readings-batch-plan.js';
import {
  alreadyStored,
  copyRawReadings,
  mergeBuckets,
  READINGS_BUCKETS_TABLE,
  READINGS_DAY_JSON_TABLE,
  READINGS_LATEST_TABLE,
  READINGS_RAW_TABLE,
  selectLatestPoints,
  upsertLatest,
} from './readings.sql.js';
import type { ReadModel } from '../../projections/read-model.js';
import { READINGS_MIGRATIONS } from './readings.tables.js';
import {
  eraseSpan,
  erasedSpans,
  inErasedSpan,
  OWNERSHIP_PERIOD_ERASED,
  ReadingsAndErasuresDecoder,
  type ReadingsBatch,
} from './readings-erasure.js';

export interface ReadingsProjectionDeps {
  /** Decodes the native payloads of version 1 events. */
  readonly decoders: DecoderLookup;
}

/**
 * Latest value per sensor, every raw reading, and 15m/1h/1d buckets, kept in one projection so a batch updates all
 * three in one transaction. A batch is folded in memory first and written with a handful of set-based statements.
 * A reading delivered again (same sensor, instant and value) is stored and counted once.
 */
export function readingsProjection({ decoders }: ReadingsProjectionDeps): DecodingProjection<ReadingsBatch> {
  return {
    // Four tables; named after the latest values, the first the others are read beside.
    name: READINGS_LATEST_TABLE,
    formerName: 'readings',
    // An erased ownership period (ADR 0030) drops the rows measured in it; the event is in its gateway's stream, so
    // under partitions another runner may hold the readings: every batch also leaves out readings of erased periods.
    eventTypes: [READINGS_REPORTED, OWNERSHIP_PERIOD_ERASED],
    // A stream is one gateway's frames, and a device reports through one gateway: partitions by stream share no
    // sensor. A device reported by two gateways at once (moved without being removed) could have its counter
    // buckets merged from two partitions at once; docs/scaling.md says so.
    partitionable: true,
    // The rendered days are only a cache of the buckets: a replay starts them empty and queries refill them.
    tables: [READINGS_LATEST_TABLE, READINGS_RAW_TABLE, READINGS_BUCKETS_TABLE, READINGS_DAY_JSON_TABLE],
    decoder: () => new ReadingsAndErasuresDecoder(new BatchReadingsDecoder(decoders)),
    async applyDecoded({ bySensor, erasures }, tx, context) {
      await applyReadings(bySensor, tx, context);
      const tables = {
        latest: context.table(READINGS_LATEST_TABLE),
        raw: context.table(READINGS_RAW_TABLE),
        buckets: context.table(READINGS_BUCKETS_TABLE),
        dayJson: context.table(READINGS_DAY_JSON_TABLE),
      };
      for (const span of erasures) await eraseSpan(tx, tables, span);
    },
  };
}

/** Leaves out readings of erased periods: those that arrive late, and all of them during a replay. */
async function withoutErased(bySensor: Map<string, ProjectedReading[]>, tx: SqlExecutor): Promise<void> {
  const gateways = new Set<string>();
  for (const readings of bySensor.values()) for (const r of readings) gateways.add(r.gatewayId);
  const spans = await erasedSpans(tx, [...gateways]);
  if (spans.length === 0) return;
  for (const [sensorId, readings] of bySensor) {
    const kept = readings.filter((r) => !inErasedSpan(r, spans));
    if (kept.length > 0) bySensor.set(sensorId, kept);
    else bySensor.delete(sensorId);
  }
}

// The decoded map is this batch's own: it is trimmed below.
async function applyReadings(
  bySensor: Map<string, ProjectedReading[]>,
  tx: SqlExecutor,
  { table, sequence }: BatchContext,
): Promise<void> {
  if (bySensor.size === 0) return;
  await withoutErased(bySensor, tx);
  if (bySensor.size === 0) return;
  const latestTable = table(READINGS_LATEST_TABLE);
  const rawTable = table(READINGS_RAW_TABLE);
  const bucketsTable = table(READINGS_BUCKETS_TABLE);
  // Read before this batch's rows land: the stored latest is where in-order counter readings chain from.
  const storedLatest = await selectLatestPoints(tx, latestTable, [...bySensor.keys()]);
  // Only a reading not after its sensor's stored latest can be a re-delivery of one already stored: in a batch
  // strictly newer than the stored rows (the common case) nothing needs looking up.
  const notNewer: ProjectedReading[] = [];
  for (const [sensorId, ordered] of bySensor) {
    const latest = storedLatest.get(sensorId);
    if (latest === undefined) continue;
    for (const reading of ordered) {
      if (reading.measuredMs > latest.measuredMs) break;
      notNewer.push(reading);
    }
  }
  const repeats = await alreadyStored(tx, rawTable, notNewer);
  if (repeats.size > 0) {
    for (const [sensorId, ordered] of bySensor) {
      const fresh = ordered.filter((r) => !repeats.has(r));
      if (fresh.length > 0) bySensor.set(sensorId, fresh);
      else bySensor.delete(sensorId);
    }
  }
  if (bySensor.size === 0) return;
  const plan = planSensorReadings(bySensor, storedLatest);
  await copyRawReadings(tx, rawTable, bySensor.values(), sequence);
  await upsertLatest(tx, latestTable, plan.latest);
  await mergeBuckets(tx, bucketsTable, plan.increments);
  await recomputeLateCounterBuckets(tx, { raw: rawTable, buckets: bucketsTable }, plan.lateCounters);
}

export const readingsReadModel: ReadModel = {
  migrations: READINGS_MIGRATIONS,
  projection: (deps) => readingsProjection(deps),
};
