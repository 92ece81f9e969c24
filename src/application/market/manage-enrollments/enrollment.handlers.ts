import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../domain/access/principal.js';
import { enrollmentDecider, type EnrollmentCommand } from '../../../domain/market/enrollment.decider.js';
import { MarketConflictError, MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import {
  enrollmentRowRevision,
  liveEnrollmentIn,
  selectOwnerEnrollment,
  type EnrollmentView,
} from '../enrollments-read-model/enrollments.sql.js';
import { ENROLLMENT_EVENTS, enrollmentStream } from '../market-streams.js';
import { assertOwnsSensors, marketOwnerOf } from '../owner-caller.js';
import { PROJECTION_WAKE, untilProjected, type ProjectionWake } from '../read-your-writes.js';
import { lastRevision, referencedProgram } from '../referenced-program.js';
import { EnrollInProgram, LeaveProgram, PauseEnrollment, ResumeEnrollment } from './enrollment.commands.js';

/** A random opaque name: nothing in it comes from the owner, the sensor or the device (no personal data). */
const opaqueName = (prefix: 'site' | 'plug'): string => `${prefix}-${randomBytes(8).toString('hex')}`;

/** Shared by the writes: waits until the owner's next read shows the change, then answers the row. */
async function answer(
  db: ReadModelDb,
  store: EventStore,
  wake: ProjectionWake,
  ownerId: string,
  enrollmentId: string,
): Promise<EnrollmentView> {
  const revision = await lastRevision(store, enrollmentStream(enrollmentId));
  await untilProjected(wake, async () => (await enrollmentRowRevision(db, enrollmentId)) >= revision);
  const view = await selectOwnerEnrollment(db, ownerId, enrollmentId);
  if (!view) throw new MarketObjectNotFoundError('enrollment', enrollmentId);
  return view;
}

@CommandHandler(EnrollInProgram)
export class EnrollInProgramHandler implements ICommandHandler<EnrollInProgram, EnrollmentView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ principal, request, at, correlationId }: EnrollInProgram): Promise<EnrollmentView> {
    const ownerId = marketOwnerOf(principal);
    const program = await referencedProgram(this.store, request.programId);
    if (!program.published) throw new MarketObjectNotFoundError('program', request.programId);
    await assertOwnsSensors(this.db, ownerId, request.sensorIds);
    if (ownerId === null) throw new MarketObjectNotFoundError('program', request.programId);
    if ((await liveEnrollmentIn(this.db, ownerId, request.programId)) !== undefined)
      throw new MarketConflictError(`you are enrolled in program ${request.programId} already`);
    const enrollmentId = randomUUID();
    const actorId = actorIdOf(principal);
    await handleWithDecider(
      this.store,
      enrollmentStream(enrollmentId),
      enrollmentDecider,
      {
        type: 'Enroll',
        data: {
          enrollmentId,
          ownerId,
          program,
          venId: randomUUID(),
          venName: opaqueName('site'),
          resources: request.sensorIds.map((sensorId) => ({
            sensorId,
            resourceId: randomUUID(),
            resourceName: opaqueName('plug'),
          })),
          allowDispatch: request.allowDispatch,
          shareReports: request.shareReports,
          acceptedBy: actorId,
          at: at.toISOString(),
        },
      },
      { actorId, correlationId },
      { events: ENROLLMENT_EVENTS },
    );
    return answer(this.db, this.store, this.wake, ownerId, enrollmentId);
  }
}

/** Pause, resume and leave: the owner's command on the enrollment's stream, then its row as the owner reads it. */
abstract class OwnerEnrollmentHandler {
  constructor(
    private readonly store: EventStore,
    protected readonly db: ReadModelDb,
    private readonly wake: ProjectionWake,
  ) {}

  protected async run(
    principal: Parameters<typeof marketOwnerOf>[0],
    enrollmentId: string,
    correlationId: string,
    command: (ownerId: string, actorId: string) => EnrollmentCommand,
  ): Promise<EnrollmentView> {
    const ownerId = marketOwnerOf(principal);
    if (ownerId === null) throw new MarketObjectNotFoundError('enrollment', enrollmentId);
    const actorId = actorIdOf(principal);
    await handleWithDecider(
      this.store,
      enrollmentStream(enrollmentId),
      enrollmentDecider,
      command(ownerId, actorId),
      { actorId, correlationId },
      { events: ENROLLMENT_EVENTS },
    );
    return answer(this.db, this.store, this.wake, ownerId, enrollmentId);
  }
}

@CommandHandler(PauseEnrollment)
export class PauseEnrollmentHandler
  extends OwnerEnrollmentHandler
  implements ICommandHandler<PauseEnrollment, EnrollmentView>
{
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(PROJECTION_WAKE) wake: ProjectionWake,
  ) {
    super(store, db, wake);
  }

  execute({ principal, enrollmentId, until, reason, at, correlationId }: PauseEnrollment): Promise<EnrollmentView> {
    return this.run(principal, enrollmentId, correlationId, (ownerId, pausedBy) => ({
      type: 'PauseEnrollment',
      data: { enrollmentId, ownerId, until, reason, pausedBy, at: at.toISOString() },
    }));
  }
}

@CommandHandler(ResumeEnrollment)
export class ResumeEnrollmentHandler
  extends OwnerEnrollmentHandler
  implements ICommandHandler<ResumeEnrollment, EnrollmentView>
{
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(PROJECTION_WAKE) wake: ProjectionWake,
  ) {
    super(store, db, wake);
  }

  async execute({ principal, enrollmentId, at, correlationId }: ResumeEnrollment): Promise<EnrollmentView> {
    // Resuming arms the enrollment again: its plugs must still be the owner's (a gateway may have changed hands).
    const ownerId = marketOwnerOf(principal);
    const enrolled = ownerId === null ? undefined : await selectOwnerEnrollment(this.db, ownerId, enrollmentId);
    if (enrolled) await assertOwnsSensors(this.db, ownerId, enrolled.sensorIds);
    return this.run(principal, enrollmentId, correlationId, (ownerId, resumedBy) => ({
      type: 'ResumeEnrollment',
      data: { enrollmentId, ownerId, resumedBy, at: at.toISOString() },
    }));
  }
}

@CommandHandler(LeaveProgram)
export class LeaveProgramHandler
  extends OwnerEnrollmentHandler
  implements ICommandHandler<LeaveProgram, EnrollmentView>
{
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(PROJECTION_WAKE) wake: ProjectionWake,
  ) {
    super(store, db, wake);
  }

  execute({ principal, enrollmentId, at, correlationId }: LeaveProgram): Promise<EnrollmentView> {
    return this.run(principal, enrollmentId, correlationId, (ownerId, endedBy) => ({
      type: 'LeaveProgram',
      data: { enrollmentId, ownerId, endedBy, at: at.toISOString() },
    }));
  }
}
