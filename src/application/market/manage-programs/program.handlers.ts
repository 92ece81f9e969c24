import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { MarketConflictError } from '../../../domain/market/market.errors.js';
import { programContent, type ProgramContent } from '../../../domain/market/openadr-objects.js';
import { programDecider, type ProgramState } from '../../../domain/market/program.decider.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { PROGRAM_EVENTS, programStream } from '../market-streams.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { programObject } from '../openadr-objects.wire.js';
import { programIdByName, programRowRevision, type ProgramObject } from '../programs-read-model/programs.sql.js';
import { lastRevision } from '../referenced-program.js';
import { PROJECTION_WAKE, untilProjected, type ProjectionWake } from '../read-your-writes.js';
import { PublishProgram, ReviseProgram, WithdrawProgram } from './program.commands.js';

/** Program names are unique per VTN (OpenADR 3.1.0 `programName`): a taken name is a 409. */
async function requireFreeName(db: ReadModelDb, content: ProgramContent, except?: string): Promise<void> {
  if ((await programIdByName(db, content.programName, except)) !== undefined)
    throw new MarketConflictError(`programName ${content.programName} is taken`);
}

function asObject(state: ProgramState): ProgramObject {
  if (state.status === 'unpublished') throw new Error('a program decided on has a state');
  return programObject(state.programId, state.createdAt, state.modifiedAt, state.content);
}

@CommandHandler(PublishProgram)
export class PublishProgramHandler implements ICommandHandler<PublishProgram, ProgramObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ body, principal, at, correlationId }: PublishProgram): Promise<ProgramObject> {
    const caller = businessLogicCaller(principal, 'write_programs');
    const content = programContent(body);
    await requireFreeName(this.db, content);
    const programId = randomUUID();
    const { events, state } = await handleWithDecider(
      this.store,
      programStream(programId),
      programDecider,
      {
        type: 'PublishProgram',
        data: { programId, providerId: caller.providerId, clientId: caller.clientId, content, at: at.toISOString() },
      },
      { actorId: caller.actorId, correlationId },
      { events: PROGRAM_EVENTS },
    );
    const after = events.reduce(programDecider.evolve, state);
    await untilProjected(this.wake, async () => (await programRowRevision(this.db, programId)) >= 0);
    return asObject(after);
  }
}

@CommandHandler(ReviseProgram)
export class ReviseProgramHandler implements ICommandHandler<ReviseProgram, ProgramObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ programId, body, principal, at, correlationId }: ReviseProgram): Promise<ProgramObject> {
    const caller = businessLogicCaller(principal, 'write_programs');
    const content = programContent(body);
    const { events, state } = await handleWithDecider(
      this.store,
      programStream(programId),
      programDecider,
      {
        type: 'ReviseProgram',
        data: { programId, providerId: caller.providerId, content, revisedBy: caller.actorId, at: at.toISOString() },
      },
      { actorId: caller.actorId, correlationId },
      {
        events: PROGRAM_EVENTS,
        // After the ownership check of the decider: another provider's program stays a 404, never a 409.
        beforeAppend: () => requireFreeName(this.db, content, programId),
      },
    );
    const revision = await lastRevision(this.store, programStream(programId));
    await untilProjected(this.wake, async () => (await programRowRevision(this.db, programId)) >= revision);
    return asObject(events.reduce(programDecider.evolve, state));
  }
}

@CommandHandler(WithdrawProgram)
export class WithdrawProgramHandler implements ICommandHandler<WithdrawProgram, ProgramObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ programId, principal, at, correlationId }: WithdrawProgram): Promise<ProgramObject> {
    const caller = businessLogicCaller(principal, 'write_programs');
    const { events, state } = await handleWithDecider(
      this.store,
      programStream(programId),
      programDecider,
      {
        type: 'WithdrawProgram',
        data: { programId, providerId: caller.providerId, withdrawnBy: caller.actorId, at: at.toISOString() },
      },
      { actorId: caller.actorId, correlationId },
      { events: PROGRAM_EVENTS },
    );
    await untilProjected(this.wake, async () => (await programRowRevision(this.db, programId)) < 0);
    // DELETE answers the object as it was before (OpenADR 3.1.0; openleadr-rs does the same).
    return asObject(events.reduce(programDecider.evolve, state));
  }
}
