import type { OwnershipPeriodErased } from '../../../domain/gateways/gateway.events.js';
import { OWNERSHIP_PERIODS_TABLE } from '../../access/ownership-periods-read-model/ownership-periods.tables.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { BatchDecoder } from '../../projections/projection.js';
import type { ProjectedReading } from './batch-readings.js';

/** One erased period of one gateway, in epoch ms; `fromMs` is -Infinity for the first owner's period. */
export interface ErasedSpan {
  readonly gatewayId: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** What a readings batch holds: the readings per sensor, and the periods erased in it (ADR 0030). */
export interface ReadingsBatch {
  readonly bySensor: Map<string, ProjectedReading[]>;
  readonly erasures: readonly ErasedSpan[];
}

export const OWNERSHIP_PERIOD_ERASED = 'OwnershipPeriodErased';

export function erasedSpanOf(event: Pick<OwnershipPeriodErased, 'data'>): ErasedSpan {
  const { gatewayId, from, to } = event.data;
  return { gatewayId, fromMs: from === null ? -Infinity : Date.parse(from), toMs: Date.parse(to) };
}

/** Hands readings to the readings decoder and keeps the erasures of the batch beside them. */
export class ReadingsAndErasuresDecoder implements BatchDecoder<ReadingsBatch> {
  private readonly erasures: ErasedSpan[] = [];

  constructor(private readonly readings: BatchDecoder<Map<string, ProjectedReading[]>>) {}

  add(event: RecordedEvent): void {
    if (event.type === OWNERSHIP_PERIOD_ERASED) {
      this.erasures.push(erasedSpanOf({ data: event.data as OwnershipPeriodErased['data'] }));
    } else this.readings.add(event);
  }

  async finish(): Promise<ReadingsBatch> {
    return { bySensor: await this.readings.finish(), erasures: this.erasures };
  }
}

/** Whether a reading lies in one of the spans: a late reading of an erased period is never stored. */
export function inErasedSpan(reading: ProjectedReading, spans: readonly ErasedSpan[]): boolean {
  return spans.some(
    (s) => s.gatewayId === reading.gatewayId && s.fromMs <= reading.measuredMs && reading.measuredMs < s.toMs,
  );
}

/**
 * The erased periods of the batch's gateways, as the ownership periods read model knows them. Read from the live
 * table also during a rebuild: erasures are few and final, and a rebuilt table holds the same ones.
 */
export async function erasedSpans(tx: SqlExecutor, gatewayIds: readonly string[]): Promise<ErasedSpan[]> {
  if (gatewayIds.length === 0) return [];
  const rows = await tx.query<{ gateway_id: string; from_ms: number | null; to_ms: number }>(
    `SELECT gateway_id, CASE WHEN isfinite(valid_from) THEN (extract(epoch FROM valid_from) * 1000)::float8 END AS from_ms,
            (extract(epoch FROM valid_to) * 1000)::float8 AS to_ms
       FROM ${OWNERSHIP_PERIODS_TABLE} WHERE erased_at IS NOT NULL AND valid_to IS NOT NULL AND gateway_id = ANY($1::text[])`,
    [gatewayIds],
  );
  return rows.map((r) => ({
    gatewayId: r.gateway_id,
    fromMs: r.from_ms === null ? -Infinity : Number(r.from_ms),
    toMs: Number(r.to_ms),
  }));
}

export interface ReadingsTables {
  readonly latest: string;
  readonly raw: string;
  readonly buckets: string;
  readonly dayJson: string;
}

const BUCKET_INTERVAL = `CASE b.bucket_width WHEN '15m' THEN interval '15 minutes' WHEN '1h' THEN interval '1 hour'
  ELSE interval '1 day' END`;

/**
 * Drops what the gateway reported for one erased span: raw readings measured in it (chunks rewritten at its edges),
 * the newest value when measured in it, every bucket overlapping it — a bucket across its edge mixes two owners'
 * readings and was shown to neither (ADR 0024) — and the cached series days of the sensors concerned.
 */
export async function eraseSpan(tx: SqlExecutor, tables: ReadingsTables, span: ErasedSpan): Promise<void> {
  const fromTs = Number.isFinite(span.fromMs) ? new Date(span.fromMs).toISOString() : '-infinity';
  const toTs = new Date(span.toMs).toISOString();
  const fromMs = Number.isFinite(span.fromMs) ? span.fromMs : Number.MIN_SAFE_INTEGER;
  const touched = `c.gateway_id = $1 AND c.bucket_start < $3::timestamptz AND c.bucket_start + interval '15 minutes' > $2::timestamptz`;
  const sensors = await tx.query<{ sensor_id: string }>(
    `SELECT DISTINCT c.sensor_id FROM ${tables.raw} c WHERE ${touched}
     UNION SELECT sensor_id FROM ${tables.latest} WHERE gateway_id = $1 AND measured_at >= $2::timestamptz AND measured_at < $3::timestamptz`,
    [span.gatewayId, fromTs, toTs],
  );
  const sensorIds = sensors.map((r) => r.sensor_id);
  if (sensorIds.length === 0) return;
  await tx.query(
    `DELETE FROM ${tables.buckets} b WHERE b.sensor_id = ANY($1::text[])
        AND b.bucket_start < $3::timestamptz AND b.bucket_start + ${BUCKET_INTERVAL} > $2::timestamptz`,
    [sensorIds, fromTs, toTs],
  );
  await tx.query(`DELETE FROM ${tables.dayJson} WHERE sensor_id = ANY($1::text[])`, [sensorIds]);
  await tx.query(
    `DELETE FROM ${tables.latest} WHERE gateway_id = $1 AND measured_at >= $2::timestamptz AND measured_at < $3::timestamptz`,
    [span.gatewayId, fromTs, toTs],
  );
  const outside = `(u.m < $4::bigint OR u.m >= $5::bigint)`;
  const params = [span.gatewayId, fromTs, toTs, fromMs, span.toMs];
  await tx.query(
    `DELETE FROM ${tables.raw} c WHERE ${touched}
        AND NOT EXISTS (SELECT 1 FROM unnest(c.measured_ms) AS u(m) WHERE ${outside})`,
    params,
  );
  await tx.query(
    `UPDATE ${tables.raw} r SET measured_ms = k.ms, value = k.v
       FROM (SELECT c.sensor_id, c.bucket_start, c.batch, c.gateway_id,
                    array_agg(u.m ORDER BY u.i) AS ms, array_agg(u.v ORDER BY u.i) AS v
               FROM ${tables.raw} c, unnest(c.measured_ms, c.value) WITH ORDINALITY AS u(m, v, i)
              WHERE ${touched} AND ${outside}
              GROUP BY c.sensor_id, c.bucket_start, c.batch, c.gateway_id) k
      WHERE r.sensor_id = k.sensor_id AND r.bucket_start = k.bucket_start AND r.batch = k.batch
        AND r.gateway_id = k.gateway_id AND cardinality(k.ms) < cardinality(r.measured_ms)`,
    params,
  );
}
