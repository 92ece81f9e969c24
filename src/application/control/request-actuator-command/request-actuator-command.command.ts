import type { Principal } from '../../../domain/access/principal.js';
import type { CommandOrigin, SwitchAction } from '../../../domain/control/actuator-command.events.js';
import type { ActuatorCommandView } from '../actuator-command-view.js';

export class RequestActuatorCommand {
  constructor(
    readonly principal: Principal,
    readonly input: {
      readonly sensorId: string;
      readonly action: SwitchAction;
      readonly reason: string;
      /** Where it came from: the HTTP caller says ui, api or cli; the server's own rules say rule. */
      readonly origin: CommandOrigin;
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
