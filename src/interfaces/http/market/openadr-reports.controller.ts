import { Controller, Delete, Get, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { RefuseUtilityWrite } from '../../../application/market/manage-vens/ven.commands.js';
import { GetReport, SearchReports } from '../../../application/market/query-reports/report.queries.js';
import type { ReportObject } from '../../../application/market/reports-read-model/reports.sql.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';
import { objectIdParam, OPENADR_BASE, page, pathObjectId, textParam, type RawQuery } from './openadr-query.js';

/**
 * OpenADR 3.1.0 `/reports`: what enrolled sites report on the utility's events (scope read_all). Writes need
 * `write_reports`, a VEN's scope: Wattlog writes the reports as its owners' ven, so every utility gets a 403.
 */
@Controller(`${OPENADR_BASE}/reports`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<ReportObject[]> {
    const programId = objectIdParam(query, 'programID');
    const eventId = objectIdParam(query, 'eventID');
    const clientName = textParam(query, 'clientName');
    return this.queries.execute(
      new SearchReports(principal, {
        ...page(query),
        ...(programId !== undefined ? { programId } : {}),
        ...(eventId !== undefined ? { eventId } : {}),
        ...(clientName !== undefined ? { clientName } : {}),
      }),
    );
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal): Promise<ReportObject> {
    return this.commands.execute(new RefuseUtilityWrite('report', principal));
  }

  @Get(':reportID')
  get(@Param('reportID') id: string, @CurrentPrincipal() principal: Principal): Promise<ReportObject> {
    return this.queries.execute(new GetReport(principal, pathObjectId(id, 'report')));
  }

  @Put(':reportID')
  update(@Param('reportID') id: string, @CurrentPrincipal() principal: Principal): Promise<ReportObject> {
    pathObjectId(id, 'report');
    return this.commands.execute(new RefuseUtilityWrite('report', principal));
  }

  @Delete(':reportID')
  remove(@Param('reportID') id: string, @CurrentPrincipal() principal: Principal): Promise<ReportObject> {
    pathObjectId(id, 'report');
    return this.commands.execute(new RefuseUtilityWrite('report', principal));
  }
}
