import type { Principal } from '../../../domain/access/principal.js';

export class GetActuatorCommand {
  constructor(
    readonly principal: Principal,
    readonly commandId: string,
  ) {}
}
