/** Base of the control context's typed errors; interfaces map `code` to a transport status. */
export abstract class ControlError extends Error {
  abstract readonly code: 'not_switchable' | 'actuator_busy' | 'invalid_command' | 'command_not_found';
}

export class NotSwitchableError extends ControlError {
  override readonly name = 'NotSwitchableError';
  readonly code = 'not_switchable' as const;
  constructor(
    readonly sensorId: string,
    why: string,
  ) {
    super(`sensor ${sensorId} cannot be switched: ${why}`);
  }
}

/** Another command holds the actuator (still waiting or unconfirmed), or won the race for it. */
export class ActuatorBusyError extends ControlError {
  override readonly name = 'ActuatorBusyError';
  readonly code = 'actuator_busy' as const;
  constructor(
    readonly sensorId: string,
    readonly heldBy: string | null,
  ) {
    super(
      heldBy
        ? `actuator ${sensorId} is busy with command ${heldBy}; wait for its outcome and retry`
        : `actuator ${sensorId} was changed concurrently; read it again and retry`,
    );
  }
}

export class InvalidActuatorCommandError extends ControlError {
  override readonly name = 'InvalidActuatorCommandError';
  readonly code = 'invalid_command' as const;
}

export class ActuatorCommandNotFoundError extends ControlError {
  override readonly name = 'ActuatorCommandNotFoundError';
  readonly code = 'command_not_found' as const;
  constructor(readonly commandId: string) {
    super(`actuator command ${commandId} not found`);
  }
}
