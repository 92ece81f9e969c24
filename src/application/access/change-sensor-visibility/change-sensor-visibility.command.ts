import { Command } from '@nestjs/cqrs';
import type { SensorVisibility } from '../../../domain/access/sensor-visibility.decider.js';
import type { Principal } from '../../../domain/access/principal.js';

export interface ChangedVisibility {
  readonly sensorId: string;
  readonly visibility: SensorVisibility;
  readonly changed: boolean;
}

/** The sensor's owner (or an admin) sets who beyond the owner may see its data. */
export class ChangeSensorVisibility extends Command<ChangedVisibility> {
  constructor(
    readonly principal: Principal,
    readonly sensorId: string,
    readonly visibility: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
