import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { EventObject } from '../../../application/market/grid-signals-read-model/grid-signals.sql.js';
import {
  DeleteGridSignal,
  PublishGridSignal,
  ReviseGridSignal,
} from '../../../application/market/manage-grid-signals/grid-signal.commands.js';
import {
  GetGridSignal,
  SearchGridSignals,
} from '../../../application/market/query-grid-signals/grid-signal.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  booleanParam,
  listParam,
  objectIdParam,
  OPENADR_BASE,
  page,
  pathObjectId,
  type RawQuery,
} from './openadr-query.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';

/** OpenADR 3.1.0 `/events`: prices, demand-response requests, alerts and weather of a utility's programs. */
@Controller(`${OPENADR_BASE}/events`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrEventsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<EventObject[]> {
    const programId = objectIdParam(query, 'programID');
    const targets = listParam(query, 'targets');
    const active = booleanParam(query, 'active');
    return this.queries.execute(
      new SearchGridSignals(principal, {
        ...page(query),
        ...(programId !== undefined ? { programId } : {}),
        ...(targets ? { targets } : {}),
        ...(active ? { activeAt: this.clock.now().toISOString() } : {}),
      }),
    );
  }

  @Post()
  create(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EventObject> {
    return this.commands.execute(new PublishGridSignal(body, principal, this.clock.now(), correlationId));
  }

  @Get(':eventID')
  get(@Param('eventID') id: string, @CurrentPrincipal() principal: Principal): Promise<EventObject> {
    return this.queries.execute(new GetGridSignal(principal, pathObjectId(id, 'event')));
  }

  @Put(':eventID')
  update(
    @Param('eventID') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EventObject> {
    return this.commands.execute(
      new ReviseGridSignal(pathObjectId(id, 'event'), body, principal, this.clock.now(), correlationId),
    );
  }

  @Delete(':eventID')
  remove(
    @Param('eventID') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<EventObject> {
    return this.commands.execute(
      new DeleteGridSignal(pathObjectId(id, 'event'), principal, this.clock.now(), correlationId),
    );
  }
}
