import type { PlannerEnrollment } from '../../../domain/automation/planner.types.js';

/**
 * The owner's program enrollments as the planner needs them. Enrollment belongs to the market context; until it
 * provides this port, the default source answers none, so DR triggers act on nothing (price rules need no
 * enrollment and work as they are).
 */
export interface EnrollmentSource {
  enrollmentsOf(ownerId: string): Promise<readonly PlannerEnrollment[]>;
}

export const ENROLLMENT_SOURCE = Symbol('EnrollmentSource');

export const NO_ENROLLMENTS: EnrollmentSource = {
  enrollmentsOf: () => Promise.resolve([]),
};
