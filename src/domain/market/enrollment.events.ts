import type { DomainEvent } from '../shared/event.js';

/** What the owner lets the utility's program see of measurements: nothing, the sum, or per plug. */
export const SHARE_REPORTS = ['none', 'aggregate', 'per_resource'] as const;
export type ShareReports = (typeof SHARE_REPORTS)[number];

/** One enrolled plug: the owner's sensor and the OpenADR resource the utility sees in its place. */
export interface EnrolledResource {
  readonly sensorId: string;
  readonly resourceId: string;
  /** Opaque (`plug-<random>`): nothing in it derives from the owner, the sensor or the device. */
  readonly resourceName: string;
}

/**
 * The owner joined a program with the plugs chosen: the utility now sees one `ven` (opaque name, no personal data)
 * and one `resource` per plug. Owner-initiated enrollment needs no approval, so it is accepted as it is asked.
 */
export type ProgramEnrollmentAccepted = DomainEvent<
  'ProgramEnrollmentAccepted',
  {
    readonly enrollmentId: string;
    readonly ownerId: string;
    readonly programId: string;
    readonly providerId: string;
    readonly venId: string;
    readonly venName: string;
    readonly resources: readonly EnrolledResource[];
    readonly allowDispatch: boolean;
    readonly shareReports: ShareReports;
    readonly acceptedBy: string;
    readonly at: string;
  }
>;

/** Signals of the program stop acting on the owner's plugs until resumed (or until `until`, when given). */
export type ProgramEnrollmentPaused = DomainEvent<
  'ProgramEnrollmentPaused',
  {
    readonly enrollmentId: string;
    readonly until: string | null;
    readonly reason: string | null;
    readonly pausedBy: string;
    readonly at: string;
  }
>;

export type ProgramEnrollmentResumed = DomainEvent<
  'ProgramEnrollmentResumed',
  { readonly enrollmentId: string; readonly resumedBy: string; readonly at: string }
>;

/** The owner left (or was removed): the ven and its resources are gone from the utility's views. */
export type ProgramEnrollmentEnded = DomainEvent<
  'ProgramEnrollmentEnded',
  {
    readonly enrollmentId: string;
    readonly endedBy: string;
    readonly reason: 'owner_left' | 'program_withdrawn';
    readonly at: string;
  }
>;

/** The utility (BL) assigned targets to the enrollment's ven (OpenADR PUT /vens/{venID}): whole list replaced. */
export type VenTargetsAssigned = DomainEvent<
  'VenTargetsAssigned',
  {
    readonly enrollmentId: string;
    readonly venId: string;
    readonly targets: readonly string[];
    readonly assignedBy: string;
    readonly at: string;
  }
>;

/** The utility (BL) assigned targets to one enrolled resource (OpenADR PUT /resources/{resourceID}). */
export type ResourceTargetsAssigned = DomainEvent<
  'ResourceTargetsAssigned',
  {
    readonly enrollmentId: string;
    readonly resourceId: string;
    readonly targets: readonly string[];
    readonly assignedBy: string;
    readonly at: string;
  }
>;

export type EnrollmentEvent =
  | ProgramEnrollmentAccepted
  | ProgramEnrollmentPaused
  | ProgramEnrollmentResumed
  | ProgramEnrollmentEnded
  | VenTargetsAssigned
  | ResourceTargetsAssigned;
export type EnrollmentEventType = EnrollmentEvent['type'];

export const ENROLLMENT_EVENT_TYPES: readonly EnrollmentEventType[] = [
  'ProgramEnrollmentAccepted',
  'ProgramEnrollmentPaused',
  'ProgramEnrollmentResumed',
  'ProgramEnrollmentEnded',
  'VenTargetsAssigned',
  'ResourceTargetsAssigned',
];

export function isEnrollmentEvent(event: { readonly type: string; readonly data: unknown }): event is EnrollmentEvent {
  return (ENROLLMENT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/**
 * The OpenADR objects an enrollment event changes and how, so a notification matcher can name them by object type
 * without knowing enrollments: accepting creates the VEN and its RESOURCEs, pausing or resuming updates the VEN (its
 * status attribute), ending deletes the VEN and every RESOURCE of it.
 */
export const ENROLLMENT_OPENADR_CHANGES: Readonly<
  Record<
    EnrollmentEventType,
    { readonly objectTypes: readonly ('VEN' | 'RESOURCE')[]; readonly operation: 'CREATE' | 'UPDATE' | 'DELETE' }
  >
> = {
  ProgramEnrollmentAccepted: { objectTypes: ['VEN', 'RESOURCE'], operation: 'CREATE' },
  ProgramEnrollmentPaused: { objectTypes: ['VEN'], operation: 'UPDATE' },
  ProgramEnrollmentResumed: { objectTypes: ['VEN'], operation: 'UPDATE' },
  VenTargetsAssigned: { objectTypes: ['VEN'], operation: 'UPDATE' },
  ResourceTargetsAssigned: { objectTypes: ['RESOURCE'], operation: 'UPDATE' },
  ProgramEnrollmentEnded: { objectTypes: ['VEN', 'RESOURCE'], operation: 'DELETE' },
};
