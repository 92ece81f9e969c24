import type { Principal } from '../../../domain/access/principal.js';

export class ChooseMainMeter {
  constructor(
    readonly principal: Principal,
    /** Null clears the choice. */
    readonly sensorId: string | null,
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}
