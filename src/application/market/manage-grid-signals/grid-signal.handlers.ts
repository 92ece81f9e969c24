import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gridSignalDecider, type GridSignalState } from '../../../domain/market/grid-signal.decider.js';
import { gridSignalContent } from '../../../domain/market/openadr-objects.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { eventRowRevision, type EventObject } from '../grid-signals-read-model/grid-signals.sql.js';
import { GRID_SIGNAL_EVENTS, gridSignalStream } from '../market-streams.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { eventObject } from '../openadr-objects.wire.js';
import { PROJECTION_WAKE, untilProjected, type ProjectionWake } from '../read-your-writes.js';
import { lastRevision, referencedProgram } from '../referenced-program.js';
import { DeleteGridSignal, PublishGridSignal, ReviseGridSignal } from './grid-signal.commands.js';

function asObject(state: GridSignalState): EventObject {
  if (state.status === 'unpublished') throw new Error('a grid signal decided on has a state');
  return eventObject(state.eventId, state.createdAt, state.modifiedAt, state.content);
}

@CommandHandler(PublishGridSignal)
export class PublishGridSignalHandler implements ICommandHandler<PublishGridSignal, EventObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ body, principal, at, correlationId }: PublishGridSignal): Promise<EventObject> {
    const caller = businessLogicCaller(principal, 'write_events');
    const content = gridSignalContent(body);
    const program = await referencedProgram(this.store, content.programID);
    const eventId = randomUUID();
    const stream = gridSignalStream(eventId);
    const { events, state } = await handleWithDecider(
      this.store,
      stream,
      gridSignalDecider,
      {
        type: 'PublishGridSignal',
        data: { eventId, providerId: caller.providerId, program, content, at: at.toISOString() },
      },
      { actorId: caller.actorId, correlationId },
      { events: GRID_SIGNAL_EVENTS },
    );
    const revision = events.length - 1;
    await untilProjected(this.wake, async () => (await eventRowRevision(this.db, eventId)) >= revision);
    return asObject(events.reduce(gridSignalDecider.evolve, state));
  }
}

@CommandHandler(ReviseGridSignal)
export class ReviseGridSignalHandler implements ICommandHandler<ReviseGridSignal, EventObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ eventId, body, principal, at, correlationId }: ReviseGridSignal): Promise<EventObject> {
    const caller = businessLogicCaller(principal, 'write_events');
    const content = gridSignalContent(body);
    const program = await referencedProgram(this.store, content.programID);
    const stream = gridSignalStream(eventId);
    const { events, state } = await handleWithDecider(
      this.store,
      stream,
      gridSignalDecider,
      {
        type: 'ReviseGridSignal',
        data: { eventId, providerId: caller.providerId, program, content, at: at.toISOString() },
      },
      { actorId: caller.actorId, correlationId },
      { events: GRID_SIGNAL_EVENTS },
    );
    const revision = await lastRevision(this.store, stream);
    await untilProjected(this.wake, async () => (await eventRowRevision(this.db, eventId)) >= revision);
    return asObject(events.reduce(gridSignalDecider.evolve, state));
  }
}

@CommandHandler(DeleteGridSignal)
export class DeleteGridSignalHandler implements ICommandHandler<DeleteGridSignal, EventObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ eventId, principal, at, correlationId }: DeleteGridSignal): Promise<EventObject> {
    const caller = businessLogicCaller(principal, 'write_events');
    const { events, state } = await handleWithDecider(
      this.store,
      gridSignalStream(eventId),
      gridSignalDecider,
      { type: 'DeleteGridSignal', data: { eventId, providerId: caller.providerId, at: at.toISOString() } },
      { actorId: caller.actorId, correlationId },
      { events: GRID_SIGNAL_EVENTS },
    );
    await untilProjected(this.wake, async () => (await eventRowRevision(this.db, eventId)) < 0);
    return asObject(events.reduce(gridSignalDecider.evolve, state));
  }
}
