import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { selectProgram, selectPrograms, type ProgramObject } from '../programs-read-model/programs.sql.js';
import { GetProgram, SearchPrograms } from './program.queries.js';

@QueryHandler(SearchPrograms)
export class SearchProgramsHandler implements IQueryHandler<SearchPrograms, ProgramObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchPrograms): Promise<ProgramObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectPrograms(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetProgram)
export class GetProgramHandler implements IQueryHandler<GetProgram, ProgramObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, programId }: GetProgram): Promise<ProgramObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectProgram(this.db, providerId, programId);
    if (!found) throw new MarketObjectNotFoundError('program', programId);
    return found;
  }
}
