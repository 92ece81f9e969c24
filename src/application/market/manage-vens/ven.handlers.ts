import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { enrollmentDecider, type EnrollmentCommand } from '../../../domain/market/enrollment.decider.js';
import { MarketConflictError, MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { targetsUpdate } from '../../../domain/market/ven-request.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { enrollmentRowRevision } from '../enrollments-read-model/enrollments.sql.js';
import {
  enrollmentOfResource,
  enrollmentOfVen,
  selectResource,
  selectVen,
  type ResourceObject,
  type VenObject,
} from '../enrollments-read-model/vens.sql.js';
import { ENROLLMENT_EVENTS, enrollmentStream } from '../market-streams.js';
import {
  businessLogicCaller,
  MissingScopeError,
  WriteNotOpenToUtilitiesError,
  type BusinessLogicCaller,
} from '../openadr-caller.js';
import { PROJECTION_WAKE, untilProjected, type ProjectionWake } from '../read-your-writes.js';
import { lastRevision } from '../referenced-program.js';
import { AssignResourceTargets, AssignVenTargets, RefuseUtilityWrite } from './ven.commands.js';

async function assign(
  store: EventStore,
  db: ReadModelDb,
  wake: ProjectionWake,
  caller: BusinessLogicCaller,
  enrollmentId: string,
  command: EnrollmentCommand,
  correlationId: string,
): Promise<void> {
  await handleWithDecider(
    store,
    enrollmentStream(enrollmentId),
    enrollmentDecider,
    command,
    { actorId: caller.actorId, correlationId },
    { events: ENROLLMENT_EVENTS },
  );
  const revision = await lastRevision(store, enrollmentStream(enrollmentId));
  await untilProjected(wake, async () => (await enrollmentRowRevision(db, enrollmentId)) >= revision);
}

@CommandHandler(AssignVenTargets)
export class AssignVenTargetsHandler implements ICommandHandler<AssignVenTargets, VenObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ venId, body, principal, at, correlationId }: AssignVenTargets): Promise<VenObject> {
    const caller = businessLogicCaller(principal, 'write_vens_bl');
    const update = targetsUpdate(body, 'venName');
    const enrollmentId = await enrollmentOfVen(this.db, caller.providerId, venId);
    const current = enrollmentId === undefined ? undefined : await selectVen(this.db, caller.providerId, venId);
    if (enrollmentId === undefined || !current) throw new MarketObjectNotFoundError('ven', venId);
    if (update.name !== undefined && update.name !== current.venName)
      throw new MarketConflictError(`venName is assigned by Wattlog (${current.venName}) and cannot change`);
    await assign(
      this.store,
      this.db,
      this.wake,
      caller,
      enrollmentId,
      {
        type: 'AssignVenTargets',
        data: {
          enrollmentId,
          providerId: caller.providerId,
          venId,
          targets: update.targets,
          assignedBy: caller.actorId,
          at: at.toISOString(),
        },
      },
      correlationId,
    );
    const after = await selectVen(this.db, caller.providerId, venId);
    if (!after) throw new MarketObjectNotFoundError('ven', venId);
    return after;
  }
}

@CommandHandler(AssignResourceTargets)
export class AssignResourceTargetsHandler implements ICommandHandler<AssignResourceTargets, ResourceObject> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_WAKE) private readonly wake: ProjectionWake,
  ) {}

  async execute({ resourceId, body, principal, at, correlationId }: AssignResourceTargets): Promise<ResourceObject> {
    const caller = businessLogicCaller(principal, 'write_vens_bl');
    const update = targetsUpdate(body, 'resourceName');
    const enrollmentId = await enrollmentOfResource(this.db, caller.providerId, resourceId);
    const current =
      enrollmentId === undefined ? undefined : await selectResource(this.db, caller.providerId, resourceId);
    if (enrollmentId === undefined || !current) throw new MarketObjectNotFoundError('resource', resourceId);
    if (update.name !== undefined && update.name !== current.resourceName)
      throw new MarketConflictError(`resourceName is assigned by Wattlog (${current.resourceName}) and cannot change`);
    await assign(
      this.store,
      this.db,
      this.wake,
      caller,
      enrollmentId,
      {
        type: 'AssignResourceTargets',
        data: {
          enrollmentId,
          providerId: caller.providerId,
          resourceId,
          targets: update.targets,
          assignedBy: caller.actorId,
          at: at.toISOString(),
        },
      },
      correlationId,
    );
    const after = await selectResource(this.db, caller.providerId, resourceId);
    if (!after) throw new MarketObjectNotFoundError('resource', resourceId);
    return after;
  }
}

/**
 * Vens and resources come from owners' enrollments, and reports from Wattlog acting as the owners' ven: a utility
 * may not create or delete the first nor write the second. A token without the write scope is told so first.
 */
@CommandHandler(RefuseUtilityWrite)
export class RefuseUtilityWriteHandler implements ICommandHandler<RefuseUtilityWrite, never> {
  execute({ objectType, principal }: RefuseUtilityWrite): Promise<never> {
    if (objectType === 'report') throw new MissingScopeError('write_reports');
    businessLogicCaller(principal, 'write_vens_bl');
    throw new WriteNotOpenToUtilitiesError(
      `${objectType}s are created and deleted by owners' enrollments; a utility may assign their targets (PUT)`,
    );
  }
}
