import { READINGS_REPORTED } from '../../../domain/metering/gateway-frame.events.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { DecoderLookup } from '../ports/payload-decoders.port.js';
import { readingsOfBatch, withoutRepeats } from './batch-readings.js';
import { recomputeLateCounterBuckets } from './counter-recompute.sql.js';
import { planReadingsBatch } from './readings-batch-plan.js';
import {
  alreadyStored,
  copyRawReadings,
  mergeBuckets,
  READINGS_BUCKETS_TABLE,
  READINGS_LATEST_TABLE,
  READINGS_RAW_TABLE,
  selectLatestPoints,
  upsertLatest,
} from './readings-writes.sql.js';

export const READINGS_PROJECTION = 'readings';

export interface ReadingsProjectionDeps {
  /** Decodes the native payloads of version 1 events. */
  readonly decoders: DecoderLookup;
}

/**
 * Latest value per sensor, every raw reading, and 15m/1h/1d buckets, kept in one projection so a batch updates all
 * three in one transaction. A batch is folded in memory first and written with a handful of set-based statements.
 * A reading delivered again (same sensor, instant and value) is stored and counted once.
 */
export function readingsProjection({ decoders }: ReadingsProjectionDeps): Projection {
  return {
    name: READINGS_PROJECTION,
    eventTypes: [READINGS_REPORTED],
    tables: [READINGS_LATEST_TABLE, READINGS_RAW_TABLE, READINGS_BUCKETS_TABLE],
    async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver; sequence: number }) {
      const delivered = withoutRepeats(await readingsOfBatch(batch, decoders));
      if (delivered.length === 0) return;
      const latestTable = table(READINGS_LATEST_TABLE);
      const rawTable = table(READINGS_RAW_TABLE);
      const bucketsTable = table(READINGS_BUCKETS_TABLE);
      // Read before this batch's rows land: the stored latest is where in-order counter readings chain from.
      const storedLatest = await selectLatestPoints(tx, latestTable, [...new Set(delivered.map((r) => r.sensorId))]);
      // Only a reading not after its sensor's stored latest can be a re-delivery of one already stored.
      const notNewer = delivered.filter((r) => {
        const latest = storedLatest.get(r.sensorId);
        return latest !== undefined && r.measuredMs <= latest.measuredMs;
      });
      const repeats = await alreadyStored(tx, rawTable, notNewer);
      const readings = repeats.size === 0 ? delivered : delivered.filter((r) => !repeats.has(r));
      if (readings.length === 0) return;
      const plan = planReadingsBatch(readings, storedLatest);
      await copyRawReadings(tx, rawTable, readings);
      await upsertLatest(tx, latestTable, plan.latest);
      await mergeBuckets(tx, bucketsTable, plan.increments);
      await recomputeLateCounterBuckets(tx, { raw: rawTable, buckets: bucketsTable }, plan.lateCounters);
    },
  };
}
