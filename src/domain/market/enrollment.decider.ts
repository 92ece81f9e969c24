import { assertNever, type Decider } from '../shared/decider.js';
import type { EnrolledResource, EnrollmentEvent, ShareReports } from './enrollment.events.js';
import { InvalidMarketInputError, MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';

/** At most this many plugs in one enrollment (one resource each). */
export const MAX_ENROLLED_RESOURCES = 50;

export type EnrollmentCommand =
  | {
      readonly type: 'Enroll';
      readonly data: {
        readonly enrollmentId: string;
        readonly ownerId: string;
        /** The program as its stream has it: a withdrawn or unknown one cannot be joined. */
        readonly program: {
          readonly programId: string;
          readonly providerId: string | null;
          readonly published: boolean;
        };
        readonly venId: string;
        readonly venName: string;
        readonly resources: readonly EnrolledResource[];
        readonly allowDispatch: boolean;
        readonly shareReports: ShareReports;
        readonly acceptedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'PauseEnrollment';
      readonly data: {
        readonly enrollmentId: string;
        readonly ownerId: string;
        readonly until: string | null;
        readonly reason: string | null;
        readonly pausedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ResumeEnrollment';
      readonly data: {
        readonly enrollmentId: string;
        readonly ownerId: string;
        readonly resumedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'LeaveProgram';
      readonly data: {
        readonly enrollmentId: string;
        readonly ownerId: string;
        readonly endedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'AssignVenTargets';
      readonly data: {
        readonly enrollmentId: string;
        /** The utility asking: another provider's ven does not exist for it. */
        readonly providerId: string;
        readonly venId: string;
        readonly targets: readonly string[];
        readonly assignedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'AssignResourceTargets';
      readonly data: {
        readonly enrollmentId: string;
        readonly providerId: string;
        readonly resourceId: string;
        readonly targets: readonly string[];
        readonly assignedBy: string;
        readonly at: string;
      };
    };

export type EnrollmentStatus = 'active' | 'paused' | 'ended';

export interface KnownEnrollment {
  readonly status: EnrollmentStatus;
  readonly enrollmentId: string;
  readonly ownerId: string;
  readonly programId: string;
  readonly providerId: string;
  readonly venId: string;
  readonly resources: readonly EnrolledResource[];
}

export type EnrollmentState = { readonly status: 'none' } | KnownEnrollment;

const initialState = (): EnrollmentState => ({ status: 'none' });

function evolve(state: EnrollmentState, event: EnrollmentEvent): EnrollmentState {
  switch (event.type) {
    case 'ProgramEnrollmentAccepted': {
      const d = event.data;
      return {
        status: 'active',
        enrollmentId: d.enrollmentId,
        ownerId: d.ownerId,
        programId: d.programId,
        providerId: d.providerId,
        venId: d.venId,
        resources: d.resources,
      };
    }
    case 'ProgramEnrollmentPaused':
      return state.status === 'none' ? state : { ...state, status: 'paused' };
    case 'ProgramEnrollmentResumed':
      return state.status === 'none' ? state : { ...state, status: 'active' };
    case 'ProgramEnrollmentEnded':
      return state.status === 'none' ? state : { ...state, status: 'ended' };
    case 'VenTargetsAssigned':
    case 'ResourceTargetsAssigned':
      return state;
    default:
      return assertNever(event);
  }
}

/** The owner's enrollment; anyone else's is not found (never admitted to exist). */
function ownersEnrollment(state: EnrollmentState, enrollmentId: string, ownerId: string): KnownEnrollment {
  if (state.status === 'none' || state.ownerId !== ownerId)
    throw new MarketObjectNotFoundError('enrollment', enrollmentId);
  return state;
}

/** The enrollment behind a ven the utility may see: its own program's, and not ended. */
function providersEnrollment(state: EnrollmentState, providerId: string, what: 'ven' | 'resource', id: string) {
  if (state.status === 'none' || state.status === 'ended' || state.providerId !== providerId)
    throw new MarketObjectNotFoundError(what, id);
  return state;
}

function checkResources(resources: readonly EnrolledResource[]): void {
  const problems: string[] = [];
  if (resources.length === 0) problems.push('resources must name at least one plug');
  if (resources.length > MAX_ENROLLED_RESOURCES)
    problems.push(`resources must name at most ${MAX_ENROLLED_RESOURCES} plugs, has ${resources.length}`);
  if (new Set(resources.map((r) => r.sensorId)).size !== resources.length)
    problems.push('resources must not name a plug twice');
  if (problems.length > 0) throw new InvalidMarketInputError('enrollment', problems);
}

function decide(command: EnrollmentCommand, state: EnrollmentState): EnrollmentEvent[] {
  switch (command.type) {
    case 'Enroll': {
      const { program, ...d } = command.data;
      if (state.status !== 'none') throw new Error(`enrollment ${d.enrollmentId} exists already`);
      if (!program.published || program.providerId === null)
        throw new MarketObjectNotFoundError('program', program.programId);
      checkResources(d.resources);
      return [
        {
          type: 'ProgramEnrollmentAccepted',
          data: {
            enrollmentId: d.enrollmentId,
            ownerId: d.ownerId,
            programId: program.programId,
            providerId: program.providerId,
            venId: d.venId,
            venName: d.venName,
            resources: d.resources,
            allowDispatch: d.allowDispatch,
            shareReports: d.shareReports,
            acceptedBy: d.acceptedBy,
            at: d.at,
          },
        },
      ];
    }
    case 'PauseEnrollment': {
      const { enrollmentId, ownerId, until, reason, pausedBy, at } = command.data;
      const known = ownersEnrollment(state, enrollmentId, ownerId);
      if (known.status === 'ended') throw new MarketConflictError(`enrollment ${enrollmentId} has ended`);
      if (until !== null && Date.parse(until) <= Date.parse(at))
        throw new InvalidMarketInputError('pause', ['until must be later than now']);
      return [{ type: 'ProgramEnrollmentPaused', data: { enrollmentId, until, reason, pausedBy, at } }];
    }
    case 'ResumeEnrollment': {
      const { enrollmentId, ownerId, resumedBy, at } = command.data;
      const known = ownersEnrollment(state, enrollmentId, ownerId);
      if (known.status === 'ended') throw new MarketConflictError(`enrollment ${enrollmentId} has ended`);
      // Resuming what runs already changes nothing: a repeated request is answered alike.
      if (known.status === 'active') return [];
      return [{ type: 'ProgramEnrollmentResumed', data: { enrollmentId, resumedBy, at } }];
    }
    case 'LeaveProgram': {
      const { enrollmentId, ownerId, endedBy, at } = command.data;
      const known = ownersEnrollment(state, enrollmentId, ownerId);
      if (known.status === 'ended') throw new MarketConflictError(`enrollment ${enrollmentId} has ended already`);
      return [{ type: 'ProgramEnrollmentEnded', data: { enrollmentId, endedBy, reason: 'owner_left', at } }];
    }
    case 'AssignVenTargets': {
      const { providerId, ...d } = command.data;
      const known = providersEnrollment(state, providerId, 'ven', d.venId);
      if (known.venId !== d.venId) throw new MarketObjectNotFoundError('ven', d.venId);
      return [{ type: 'VenTargetsAssigned', data: d }];
    }
    case 'AssignResourceTargets': {
      const { providerId, ...d } = command.data;
      const known = providersEnrollment(state, providerId, 'resource', d.resourceId);
      if (!known.resources.some((r) => r.resourceId === d.resourceId))
        throw new MarketObjectNotFoundError('resource', d.resourceId);
      return [{ type: 'ResourceTargetsAssigned', data: d }];
    }
    default:
      return assertNever(command);
  }
}

export const enrollmentDecider: Decider<EnrollmentState, EnrollmentCommand, EnrollmentEvent> = {
  decide,
  evolve,
  initialState,
};
