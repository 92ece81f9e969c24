import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { EnrollmentView } from '../enrollments-read-model/enrollments.sql.js';
import type { OwnerProgramView } from './owner-program-view.js';

/** GET /api/market/programs: every program an owner may join, in publication order. */
export class ListJoinablePrograms extends Query<OwnerProgramView[]> {
  constructor(
    readonly principal: Principal,
    readonly skip: number,
    readonly limit: number,
  ) {
    super();
  }
}

export class GetJoinableProgram extends Query<OwnerProgramView> {
  constructor(
    readonly principal: Principal,
    readonly programId: string,
  ) {
    super();
  }
}

export class ListEnrollments extends Query<EnrollmentView[]> {
  constructor(readonly principal: Principal) {
    super();
  }
}

export class GetEnrollment extends Query<EnrollmentView> {
  constructor(
    readonly principal: Principal,
    readonly enrollmentId: string,
  ) {
    super();
  }
}
