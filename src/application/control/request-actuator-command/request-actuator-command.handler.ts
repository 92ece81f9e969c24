import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../domain/access/principal.js';
import { actuatorCommandDecider, isTerminal } from '../../../domain/control/actuator-command.decider.js';
import {
  ActuatorBusyError,
  InvalidActuatorCommandError,
  NotSwitchableError,
} from '../../../domain/control/actuator-command.errors.js';
import { actuatorDecider } from '../../../domain/control/actuator.decider.js';
import { actuatorTargetOf } from '../../../domain/control/actuator-target.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../ports/event-store.port.js';
import { commandView } from '../actuator-command-view.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';
import { loadStream, toNewEvents } from '../../shared/decider-command.js';
import {
  ACTUATOR_EVENTS,
  COMMAND_EVENTS,
  actuatorStream,
  commandStream,
  idempotentCommandId,
} from '../control-streams.js';
import { ACTUATOR_DIRECTORY, type ActuatorDirectory } from '../ports/actuator-directory.port.js';
import { RequestActuatorCommand, type RequestedActuatorCommand } from './request-actuator-command.command.js';

/**
 * Reserves the actuator at its stream's expected revision, then opens the command's own stream. Of concurrent
 * requests for one actuator exactly one reserves it; the rest are told it is busy. With an Idempotency-Key the
 * command id is derived from actor and key, so a repeat (even after a restart) finds the command it made before.
 */
@CommandHandler(RequestActuatorCommand)
export class RequestActuatorCommandHandler implements ICommandHandler<
  RequestActuatorCommand,
  RequestedActuatorCommand
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(ACTUATOR_DIRECTORY) private readonly directory: ActuatorDirectory,
  ) {}

  async execute({ principal, input, at, correlationId }: RequestActuatorCommand): Promise<RequestedActuatorCommand> {
    await this.policy.assertSensorRight(principal, input.sensorId, 'command');
    const actorId = actorIdOf(principal);
    const commandId = input.idempotencyKey !== null ? idempotentCommandId(actorId, input.idempotencyKey) : randomUUID();
    const metadata: CommandMetadata = { actorId, correlationId };
    if (input.idempotencyKey !== null) {
      const repeat = await this.existing(commandId, input);
      if (repeat) return repeat;
    }
    const sensor = await this.directory.find(input.sensorId);
    if (!sensor) throw new ObjectNotVisibleError('sensor', input.sensorId);
    if (sensor.quantity !== 'switchState')
      throw new NotSwitchableError(input.sensorId, `it measures ${sensor.quantity}, not switchState`);
    const target = actuatorTargetOf(input.sensorId, sensor.protocol);
    if (!target)
      throw new NotSwitchableError(
        input.sensorId,
        `the ${sensor.protocol || 'unknown'} driver has no switch command for it`,
      );
    const current = await this.directory.latestState(input.sensorId);
    const requested = actuatorCommandDecider.decide(
      {
        type: 'RequestActuatorCommand',
        data: {
          commandId,
          sensorId: input.sensorId,
          gatewayId: sensor.gatewayId,
          nodeId: sensor.nodeId,
          target,
          action: input.action,
          currentState: current?.state ?? null,
          requestedBy: actorId,
          origin: input.origin,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
          timeoutSeconds: input.timeoutSeconds,
          at: at.toISOString(),
        },
      },
      actuatorCommandDecider.initialState(),
    );
    await this.reserve(input.sensorId, commandId, at, metadata);
    try {
      await this.store.append(commandStream(commandId), toNewEvents(requested, metadata, COMMAND_EVENTS), {
        expectedRevision: 'no_stream',
      });
    } catch (error) {
      // The same key raced itself: the other request wrote the command.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
    const repeat = await this.existing(commandId, input);
    if (!repeat) throw new Error(`actuator command ${commandId} was appended but reads as missing`);
    return { created: true, command: repeat.command };
  }

  private async existing(
    commandId: string,
    input: RequestActuatorCommand['input'],
  ): Promise<RequestedActuatorCommand | null> {
    const { state } = await loadStream(this.store, commandStream(commandId), actuatorCommandDecider, COMMAND_EVENTS);
    if (state.status === 'none') return null;
    if (state.request.sensorId !== input.sensorId || state.request.action !== input.action) {
      throw new InvalidActuatorCommandError('this Idempotency-Key was used for a different command; use a new key');
    }
    return { created: false, command: commandView(state) };
  }

  private async reserve(sensorId: string, commandId: string, at: Date, metadata: CommandMetadata): Promise<void> {
    const actuator = await loadStream(this.store, actuatorStream(sensorId), actuatorDecider, ACTUATOR_EVENTS);
    const holder = actuator.state.holder;
    const holderFinished = holder === null ? null : await this.finished(holder);
    const events = actuatorDecider.decide(
      { type: 'ReserveActuator', data: { sensorId, commandId, holderFinished, at: at.toISOString() } },
      actuator.state,
    );
    if (events.length === 0) return;
    try {
      await this.store.append(actuatorStream(sensorId), toNewEvents(events, metadata, ACTUATOR_EVENTS), {
        expectedRevision: actuator.revision,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const now = await loadStream(this.store, actuatorStream(sensorId), actuatorDecider, ACTUATOR_EVENTS);
      if (now.state.holder !== commandId) throw new ActuatorBusyError(sensorId, null);
    }
  }

  /** A holder whose command stream is missing (a crash between the two appends) holds nothing. */
  private async finished(commandId: string): Promise<boolean | null> {
    const { state } = await loadStream(this.store, commandStream(commandId), actuatorCommandDecider, COMMAND_EVENTS);
    return state.status === 'none' ? null : isTerminal(state.status);
  }
}
