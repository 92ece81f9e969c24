import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { SensorVisibility } from '../../../domain/access/sensor-visibility.decider.js';

/** A sensor of the caller's own gateways with who may see it: its visibility, and who set that when. */
export interface SensorVisibilityView {
  readonly sensorId: string;
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly quantity: string;
  readonly visibility: SensorVisibility;
  /** Null while the sensor has the default visibility and nobody ever set one. */
  readonly changedBy: string | null;
  readonly changedAt: string | null;
}

export interface SensorVisibilityPage {
  readonly items: SensorVisibilityView[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: string | null;
}

export interface SensorVisibilityFilter {
  readonly gatewayId?: string;
  /** Exclusive: sensor ids sort after it. */
  readonly after?: string;
  readonly limit: number;
}

export class ListSensorVisibility extends Query<SensorVisibilityPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: SensorVisibilityFilter,
  ) {
    super();
  }
}
