import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  PublishProgram,
  ReviseProgram,
  WithdrawProgram,
} from '../../../application/market/manage-programs/program.commands.js';
import type { ProgramObject } from '../../../application/market/programs-read-model/programs.sql.js';
import { GetProgram, SearchPrograms } from '../../../application/market/query-programs/program.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { listParam, OPENADR_BASE, page, pathObjectId, type RawQuery } from './openadr-query.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';

/** OpenADR 3.1.0 `/programs`: a utility's programs (scopes read_all, write_programs). */
@Controller(`${OPENADR_BASE}/programs`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrProgramsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<ProgramObject[]> {
    const targets = listParam(query, 'targets');
    return this.queries.execute(new SearchPrograms(principal, { ...page(query), ...(targets ? { targets } : {}) }));
  }

  @Post()
  create(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ProgramObject> {
    return this.commands.execute(new PublishProgram(body, principal, this.clock.now(), correlationId));
  }

  @Get(':programID')
  get(@Param('programID') id: string, @CurrentPrincipal() principal: Principal): Promise<ProgramObject> {
    return this.queries.execute(new GetProgram(principal, pathObjectId(id, 'program')));
  }

  @Put(':programID')
  update(
    @Param('programID') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ProgramObject> {
    return this.commands.execute(
      new ReviseProgram(pathObjectId(id, 'program'), body, principal, this.clock.now(), correlationId),
    );
  }

  @Delete(':programID')
  remove(
    @Param('programID') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ProgramObject> {
    return this.commands.execute(
      new WithdrawProgram(pathObjectId(id, 'program'), principal, this.clock.now(), correlationId),
    );
  }
}
