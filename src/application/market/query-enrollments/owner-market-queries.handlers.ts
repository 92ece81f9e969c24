import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import {
  selectOwnerEnrollment,
  selectOwnerEnrollments,
  type EnrollmentView,
} from '../enrollments-read-model/enrollments.sql.js';
import { marketOwnerOf } from '../owner-caller.js';
import { selectAnyProgram, selectJoinablePrograms } from '../programs-read-model/programs.sql.js';
import { GetEnrollment, GetJoinableProgram, ListEnrollments, ListJoinablePrograms } from './owner-market.queries.js';
import { ownerProgramView, type OwnerProgramView } from './owner-program-view.js';

@QueryHandler(ListJoinablePrograms)
export class ListJoinableProgramsHandler implements IQueryHandler<ListJoinablePrograms, OwnerProgramView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, skip, limit }: ListJoinablePrograms): Promise<OwnerProgramView[]> {
    // API clients own no plugs: they can join nothing.
    if (marketOwnerOf(principal) === null) return [];
    return (await selectJoinablePrograms(this.db, skip, limit)).map(ownerProgramView);
  }
}

@QueryHandler(GetJoinableProgram)
export class GetJoinableProgramHandler implements IQueryHandler<GetJoinableProgram, OwnerProgramView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, programId }: GetJoinableProgram): Promise<OwnerProgramView> {
    const program = marketOwnerOf(principal) === null ? undefined : await selectAnyProgram(this.db, programId);
    if (!program) throw new MarketObjectNotFoundError('program', programId);
    return ownerProgramView(program);
  }
}

@QueryHandler(ListEnrollments)
export class ListEnrollmentsHandler implements IQueryHandler<ListEnrollments, EnrollmentView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal }: ListEnrollments): Promise<EnrollmentView[]> {
    const ownerId = marketOwnerOf(principal);
    return ownerId === null ? [] : selectOwnerEnrollments(this.db, ownerId);
  }
}

@QueryHandler(GetEnrollment)
export class GetEnrollmentHandler implements IQueryHandler<GetEnrollment, EnrollmentView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, enrollmentId }: GetEnrollment): Promise<EnrollmentView> {
    const ownerId = marketOwnerOf(principal);
    const found = ownerId === null ? undefined : await selectOwnerEnrollment(this.db, ownerId, enrollmentId);
    if (!found) throw new MarketObjectNotFoundError('enrollment', enrollmentId);
    return found;
  }
}
