import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actuatorCommandDecider } from '../../../domain/control/actuator-command.decider.js';
import { ActuatorCommandNotFoundError } from '../../../domain/control/actuator-command.errors.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { commandView, type ActuatorCommandView } from '../actuator-command-view.js';
import { loadStream } from '../../shared/decider-command.js';
import { COMMAND_EVENTS, commandStream } from '../control-streams.js';
import { GetActuatorCommand } from './get-actuator-command.query.js';

/** Folds the command's own stream: the status is exact, with no read-model lag. */
@QueryHandler(GetActuatorCommand)
export class GetActuatorCommandHandler implements IQueryHandler<GetActuatorCommand, ActuatorCommandView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, commandId }: GetActuatorCommand): Promise<ActuatorCommandView> {
    const { state } = await loadStream(this.store, commandStream(commandId), actuatorCommandDecider, COMMAND_EVENTS);
    if (state.status === 'none') throw new ActuatorCommandNotFoundError(commandId);
    try {
      await this.policy.assertSensorRight(principal, state.request.sensorId, 'command', state.request.requestedAt);
    } catch (error) {
      // Someone else's command reads exactly like one that does not exist.
      if (error instanceof ObjectNotVisibleError) throw new ActuatorCommandNotFoundError(commandId);
      throw error;
    }
    return commandView(state);
  }
}
