import { anAcceptedEnrollment } from '#test/builders/market.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { enrollmentDecider, type EnrollmentCommand } from './enrollment.decider.js';
import { InvalidMarketInputError, MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';

const AT = '2026-12-07T11:00:00.000Z';
const given = DeciderSpecification.for(enrollmentDecider);
const accepted = anAcceptedEnrollment();
const enroll = (overrides: Partial<Extract<EnrollmentCommand, { type: 'Enroll' }>['data']> = {}): EnrollmentCommand => {
  const { providerId, programId, ...d } = accepted.data;
  return { type: 'Enroll', data: { ...d, program: { programId, providerId, published: true }, ...overrides } };
};
const pause = (ownerId = 'owner-a', until: string | null = null): EnrollmentCommand => ({
  type: 'PauseEnrollment',
  data: { enrollmentId: 'en-1', ownerId, until, reason: 'holiday', pausedBy: `user:${ownerId}`, at: AT },
});
const resume = (ownerId = 'owner-a'): EnrollmentCommand => ({
  type: 'ResumeEnrollment',
  data: { enrollmentId: 'en-1', ownerId, resumedBy: `user:${ownerId}`, at: AT },
});
const leave = (ownerId = 'owner-a'): EnrollmentCommand => ({
  type: 'LeaveProgram',
  data: { enrollmentId: 'en-1', ownerId, endedBy: `user:${ownerId}`, at: AT },
});
const paused = {
  type: 'ProgramEnrollmentPaused' as const,
  data: { enrollmentId: 'en-1', until: null, reason: 'holiday', pausedBy: 'user:owner-a', at: AT },
};
const ended = {
  type: 'ProgramEnrollmentEnded' as const,
  data: { enrollmentId: 'en-1', endedBy: 'user:owner-a', reason: 'owner_left' as const, at: AT },
};
const venTargets = (providerId: string, venId = 'v-1'): EnrollmentCommand => ({
  type: 'AssignVenTargets',
  data: { enrollmentId: 'en-1', providerId, venId, targets: ['group:north'], assignedBy: 'client:c', at: AT },
});
const resourceTargets = (providerId: string, resourceId = 'r-1'): EnrollmentCommand => ({
  type: 'AssignResourceTargets',
  data: { enrollmentId: 'en-1', providerId, resourceId, targets: ['zone:nl'], assignedBy: 'client:c', at: AT },
});

describe('enrollment decider', () => {
  it('Given nothing, When the owner enrolls in a published program, Then ProgramEnrollmentAccepted with its provider', () => {
    given().when(enroll()).then([accepted]);
  });

  it('Given nothing, When enrolling in a withdrawn program or with no plugs or one plug twice, Then it is refused', () => {
    given()
      .when(enroll({ program: { programId: 'p-1', providerId: 'prov-a', published: false } }))
      .thenThrows(MarketObjectNotFoundError);
    given()
      .when(enroll({ resources: [] }))
      .thenThrows(InvalidMarketInputError, /at least one plug/);
    const plug = accepted.data.resources[0]!;
    given()
      .when(enroll({ resources: [plug, { ...plug, resourceId: 'r-2', resourceName: 'plug-2' }] }))
      .thenThrows(InvalidMarketInputError, /twice/);
  });

  it('Given an active enrollment, When paused, resumed and left, Then each is recorded; resuming what runs is a no-op', () => {
    given(accepted).when(pause()).then([paused]);
    given(accepted).when(resume()).then([]);
    given(accepted, paused)
      .when(resume())
      .then([{ type: 'ProgramEnrollmentResumed', data: { enrollmentId: 'en-1', resumedBy: 'user:owner-a', at: AT } }]);
    given(accepted, paused).when(leave()).then([ended]);
  });

  it('Given a pause until a past time, Then it is invalid', () => {
    given(accepted).when(pause('owner-a', '2026-12-07T10:00:00.000Z')).thenThrows(InvalidMarketInputError);
  });

  it('Given an enrollment, When another owner acts on it, Then it is not found', () => {
    given(accepted).when(pause('owner-b')).thenThrows(MarketObjectNotFoundError);
    given(accepted).when(resume('owner-b')).thenThrows(MarketObjectNotFoundError);
    given(accepted).when(leave('owner-b')).thenThrows(MarketObjectNotFoundError);
  });

  it('Given an ended enrollment, When paused, resumed or left again, Then it conflicts', () => {
    given(accepted, ended).when(pause()).thenThrows(MarketConflictError);
    given(accepted, ended).when(resume()).thenThrows(MarketConflictError);
    given(accepted, ended).when(leave()).thenThrows(MarketConflictError);
  });

  it("Given an enrollment, When its program's utility assigns targets, Then they are recorded; another utility finds nothing", () => {
    given(accepted)
      .when(venTargets('prov-a'))
      .then([
        {
          type: 'VenTargetsAssigned',
          data: { enrollmentId: 'en-1', venId: 'v-1', targets: ['group:north'], assignedBy: 'client:c', at: AT },
        },
      ]);
    given(accepted)
      .when(resourceTargets('prov-a'))
      .then([
        {
          type: 'ResourceTargetsAssigned',
          data: { enrollmentId: 'en-1', resourceId: 'r-1', targets: ['zone:nl'], assignedBy: 'client:c', at: AT },
        },
      ]);
    given(accepted).when(venTargets('prov-b')).thenThrows(MarketObjectNotFoundError);
    given(accepted).when(resourceTargets('prov-a', 'r-other')).thenThrows(MarketObjectNotFoundError);
    given(accepted, ended).when(venTargets('prov-a')).thenThrows(MarketObjectNotFoundError);
  });
});
