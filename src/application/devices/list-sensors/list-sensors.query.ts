import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';

/** A sensor the platform has seen a reading from, with its newest value. */
export interface SensorView {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly quantity: string;
  readonly unit: string;
  readonly phase?: string;
  readonly tariff?: number;
  /** Null where the principal may aggregate the sensor but not read its values (aggregate-only grants, public_aggregate). */
  readonly lastValue: number | null;
  readonly lastMeasuredAt: string | null;
}

export interface SensorPage {
  readonly items: SensorView[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: string | null;
}

export interface SensorFilter {
  readonly gatewayId?: string;
  readonly nodeId?: string;
  readonly quantity?: string;
  /** Exclusive: sensor ids sort after it. */
  readonly after?: string;
  readonly limit: number;
}

export class ListSensors extends Query<SensorPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: SensorFilter,
  ) {
    super();
  }
}
