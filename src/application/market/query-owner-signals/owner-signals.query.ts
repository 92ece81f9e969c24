import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { OwnerSignalSegment } from '../../../domain/market/owner-signals.js';
import type { SignalKind } from '../../../domain/market/participant-signals.js';

export interface OwnerSignals {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly segments: readonly OwnerSignalSegment[];
}

/** GET /api/market/signals: what the programs the owner takes part in say over a range. */
export class QueryOwnerSignals extends Query<OwnerSignals> {
  constructor(
    readonly principal: Principal,
    readonly request: {
      readonly from: string;
      readonly to: string;
      readonly timeZone: string;
      readonly programId?: string;
      readonly kind?: SignalKind;
    },
  ) {
    super();
  }
}
