import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { actuatorCommandDecider } from '../../../domain/control/actuator-command.decider.js';
import { ObjectNotVisibleError } from '../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { loadStream } from '../../shared/decider-command.js';
import { commandView, type ActuatorCommandView } from '../actuator-command-view.js';
import { COMMAND_EVENTS, actuatorStream, commandStream } from '../control-streams.js';
import { ListActuatorCommands, type ActuatorCommandPage } from './list-actuator-commands.query.js';

/**
 * The actuator's own stream holds one reservation per command, in the order they were asked: read backwards from
 * the cursor, it is the timeline, and each command's stream gives its exact status (no read-model lag). A
 * reservation whose command stream is missing (a crash between the two appends) held nothing and is left out.
 */
@QueryHandler(ListActuatorCommands)
export class ListActuatorCommandsHandler implements IQueryHandler<ListActuatorCommands, ActuatorCommandPage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, sensorId, page }: ListActuatorCommands): Promise<ActuatorCommandPage> {
    // The same right as reading one command: whoever may not command the actuator does not learn who did.
    await this.policy.assertSensorRight(principal, sensorId, 'command');
    if (page.before !== null && page.before <= 0) return { items: [], nextBefore: null };
    const reservations = await this.store.readStream(actuatorStream(sensorId), {
      direction: 'backwards',
      max: page.limit,
      ...(page.before !== null ? { from: page.before - 1 } : {}),
    });
    const commandIds = reservations
      .filter((event) => event.type === 'ActuatorReserved')
      .map((event) => (event.data as { commandId?: unknown }).commandId)
      .filter((id): id is string => typeof id === 'string');
    const views = await Promise.all(
      [...new Set(commandIds)].map(async (commandId): Promise<ActuatorCommandView | null> => {
        const { state } = await loadStream(
          this.store,
          commandStream(commandId),
          actuatorCommandDecider,
          COMMAND_EVENTS,
        );
        return state.status === 'none' || state.request.sensorId !== sensorId ? null : commandView(state);
      }),
    );
    // Each command belongs to the owner of its request's moment (ADR 0024): a new owner does not learn who commanded
    // before them, and nobody reads one requested in an erased period (ADR 0030).
    const visible = await Promise.all(
      views.map(async (view) => {
        if (view === null) return null;
        try {
          await this.policy.assertSensorRight(principal, sensorId, 'command', view.requestedAt);
          return view;
        } catch (error) {
          if (error instanceof ObjectNotVisibleError) return null;
          throw error;
        }
      }),
    );
    const oldest = reservations.at(-1);
    return {
      items: visible.filter((view): view is ActuatorCommandView => view !== null),
      nextBefore: reservations.length === page.limit && oldest && oldest.revision > 0 ? oldest.revision : null,
    };
  }
}
