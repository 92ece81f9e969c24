import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { ShareReports } from '../../../domain/market/enrollment.events.js';
import type { EnrollmentView } from '../enrollments-read-model/enrollments.sql.js';

export interface EnrollmentRequest {
  readonly programId: string;
  /** The plugs (sensors of the owner's gateways) the program's signals may concern. */
  readonly sensorIds: readonly string[];
  /** Consent to demand-response dispatch of these plugs (rules act on it; prices alone never switch a plug). */
  readonly allowDispatch: boolean;
  /** Consent to share measurements in reports to the utility. */
  readonly shareReports: ShareReports;
}

/** POST /api/market/enrollments: the owner joins a program. */
export class EnrollInProgram extends Command<EnrollmentView> {
  constructor(
    readonly principal: Principal,
    readonly request: EnrollmentRequest,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** POST /api/market/enrollments/{id}/pause: signals stop acting on the plugs (until `until`, when given). */
export class PauseEnrollment extends Command<EnrollmentView> {
  constructor(
    readonly principal: Principal,
    readonly enrollmentId: string,
    readonly until: string | null,
    readonly reason: string | null,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

export class ResumeEnrollment extends Command<EnrollmentView> {
  constructor(
    readonly principal: Principal,
    readonly enrollmentId: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** DELETE /api/market/enrollments/{id}: the owner leaves; the utility no longer sees the ven or its resources. */
export class LeaveProgram extends Command<EnrollmentView> {
  constructor(
    readonly principal: Principal,
    readonly enrollmentId: string,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
