import type { Principal } from '../../../domain/access/principal.js';
import type { ActuatorCommandView } from '../actuator-command-view.js';

/** An actuator's commands, newest first; `before` is the `nextBefore` of the previous page. */
export class ListActuatorCommands {
  constructor(
    readonly principal: Principal,
    readonly sensorId: string,
    readonly page: { readonly limit: number; readonly before: number | null },
  ) {}
}

export interface ActuatorCommandPage {
  readonly items: readonly ActuatorCommandView[];
  /** Pass as `before` for the next, older page; null at the end. */
  readonly nextBefore: number | null;
}
