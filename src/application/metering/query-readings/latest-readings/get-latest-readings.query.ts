import { Query } from '@nestjs/cqrs';
import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import type { Principal } from '../../../../domain/access/principal.js';

export const MAX_LATEST_SENSORS = 500;

export interface LatestReadings {
  /** The newest canonical reading of each known sensor, in the order asked for. */
  readonly items: CanonicalReading[];
  /** Ids asked for that name no sensor the principal may see. */
  readonly missing: string[];
}

export class GetLatestReadings extends Query<LatestReadings> {
  constructor(
    readonly principal: Principal,
    readonly sensorIds: readonly string[],
  ) {
    super();
  }
}
