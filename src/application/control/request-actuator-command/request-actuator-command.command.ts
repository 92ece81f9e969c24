import type { Principal } from '../../../domain/access/principal.js';
import type { SwitchAction } from '../../../domain/control/actuator-command.events.js';
import type { ActuatorCommandView } from '../actuator-command-view.js';

export class RequestActuatorCommand {
  constructor(
    readonly principal: Principal,
    readonly input: {
      readonly sensorId: string;
      readonly action: SwitchAction;
      readonly reason: string;
      readonly timeoutSeconds: number;
      readonly idempotencyKey: string | null;
    },
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}

/** `created` false: the Idempotency-Key named a command that already exists, which is answered as it is now. */
export interface RequestedActuatorCommand {
  readonly created: boolean;
  readonly command: ActuatorCommandView;
}
