import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../../domain/access/principal.js';
import type { SeriesBucket, SeriesKind } from './series-limits.js';

export interface SeriesSensor {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly quantity: string;
  readonly unit: string;
  readonly kind: SeriesKind;
}

export interface RawPoint {
  readonly t: string;
  readonly value: number;
}

/** Power-like quantities; avg/min/max are null only for a bucket without values. */
export interface GaugeBucketPoint {
  readonly t: string;
  readonly count: number;
  readonly avg: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Counters: delta is the consumption inside the bucket (null where the projection could not derive one). */
export interface CounterBucketPoint {
  readonly t: string;
  readonly count: number;
  readonly delta: number | null;
}

export type SeriesPoint = RawPoint | GaugeBucketPoint | CounterBucketPoint;

export interface ReadingSeries {
  readonly bucket: SeriesBucket;
  /** Normalised ISO-8601 UTC; points have from <= t < to (buckets by their start). */
  readonly from: string;
  readonly to: string;
  /** Known sensors in the order asked for. */
  readonly sensors: readonly SeriesSensor[];
  /** Ids asked for that name no sensor the principal may see. */
  readonly missing: readonly string[];
  /** One sensor's points in time order, read page by page so that long ranges stream in bounded memory. */
  pages(sensor: SeriesSensor): AsyncIterable<readonly SeriesPoint[]>;
}

export interface SeriesRequest {
  readonly sensorIds: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly bucket: SeriesBucket;
}

/** Validates limits and the raw point count up front (InvalidReadingQueryError), then reads lazily. */
export class QueryReadingSeries extends Query<ReadingSeries> {
  constructor(
    readonly principal: Principal,
    readonly request: SeriesRequest,
  ) {
    super();
  }
}
