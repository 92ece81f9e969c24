import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { selectReport, selectReports, type ReportObject } from '../reports-read-model/reports.sql.js';
import { GetReport, SearchReports } from './report.queries.js';

@QueryHandler(SearchReports)
export class SearchReportsHandler implements IQueryHandler<SearchReports, ReportObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchReports): Promise<ReportObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectReports(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetReport)
export class GetReportHandler implements IQueryHandler<GetReport, ReportObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, reportId }: GetReport): Promise<ReportObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectReport(this.db, providerId, reportId);
    if (!found) throw new MarketObjectNotFoundError('report', reportId);
    return found;
  }
}
