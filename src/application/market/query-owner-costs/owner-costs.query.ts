import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { UnpricedReason } from '../../../domain/market/signal-segments/cost-per-bucket.js';

export const COST_BUCKETS = ['15m', '1h'] as const;
export type CostBucket = (typeof COST_BUCKETS)[number];

export interface CostRequest {
  readonly programId: string;
  readonly sensorIds: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly bucket: CostBucket;
  readonly timeZone: string;
  /** Which price of the program: PRICE (default) for import, EXPORT_PRICE for what the grid pays back. */
  readonly payloadType: string;
}

export interface CostBucketView {
  readonly start: string;
  readonly end: string;
  /** Energy measured in the bucket; null when the readings gave none. */
  readonly energyKWh: number | null;
  readonly cost: number | null;
  readonly currency: string | null;
  /** Why the bucket has no cost: no energy (`unmeasured`), or a price problem. */
  readonly reason: UnpricedReason | 'unmeasured' | null;
}

export interface MeterCost {
  readonly sensorId: string;
  readonly quantity: string;
  readonly buckets: readonly CostBucketView[];
  /** Sum of the priced buckets, in `currency`; `complete` is false when some bucket has no cost. */
  readonly total: { readonly cost: number; readonly currency: string | null; readonly complete: boolean };
}

export interface OwnerCosts {
  readonly programId: string;
  readonly payloadType: string;
  readonly bucket: CostBucket;
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly meters: readonly MeterCost[];
}

/** GET /api/market/costs: the cost of the owner's meters per bucket under a program's prices. */
export class QueryOwnerCosts extends Query<OwnerCosts> {
  constructor(
    readonly principal: Principal,
    readonly request: CostRequest,
  ) {
    super();
  }
}
