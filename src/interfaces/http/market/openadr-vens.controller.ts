import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ResourceObject, VenObject } from '../../../application/market/enrollments-read-model/vens.sql.js';
import {
  AssignResourceTargets,
  AssignVenTargets,
  RefuseUtilityWrite,
} from '../../../application/market/manage-vens/ven.commands.js';
import {
  GetResource,
  GetVen,
  SearchResources,
  SearchVens,
} from '../../../application/market/query-vens/ven.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';
import {
  listParam,
  objectIdParam,
  OPENADR_BASE,
  page,
  pathObjectId,
  textParam,
  type RawQuery,
} from './openadr-query.js';

/**
 * OpenADR 3.1.0 `/vens`: the sites enrolled in the utility's programs (scopes read_all, write_vens). Vens come and go
 * with owners' enrollments; the utility assigns their targets.
 */
@Controller(`${OPENADR_BASE}/vens`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrVensController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<VenObject[]> {
    const venName = textParam(query, 'venName');
    const targets = listParam(query, 'targets');
    return this.queries.execute(
      new SearchVens(principal, {
        ...page(query),
        ...(venName !== undefined ? { venName } : {}),
        ...(targets ? { targets } : {}),
      }),
    );
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal): Promise<VenObject> {
    return this.commands.execute(new RefuseUtilityWrite('ven', principal));
  }

  @Get(':venID')
  get(@Param('venID') id: string, @CurrentPrincipal() principal: Principal): Promise<VenObject> {
    return this.queries.execute(new GetVen(principal, pathObjectId(id, 'ven')));
  }

  @Put(':venID')
  update(
    @Param('venID') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<VenObject> {
    return this.commands.execute(
      new AssignVenTargets(pathObjectId(id, 'ven'), body, principal, this.clock.now(), correlationId),
    );
  }

  @Delete(':venID')
  remove(@Param('venID') id: string, @CurrentPrincipal() principal: Principal): Promise<VenObject> {
    pathObjectId(id, 'ven');
    return this.commands.execute(new RefuseUtilityWrite('ven', principal));
  }
}

/** OpenADR 3.1.0 `/resources`: the plugs enrolled under those vens (opaque names; never the sensor behind them). */
@Controller(`${OPENADR_BASE}/resources`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrResourcesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<ResourceObject[]> {
    const venId = objectIdParam(query, 'venID');
    const resourceName = textParam(query, 'resourceName');
    const targets = listParam(query, 'targets');
    return this.queries.execute(
      new SearchResources(principal, {
        ...page(query),
        ...(venId !== undefined ? { venId } : {}),
        ...(resourceName !== undefined ? { resourceName } : {}),
        ...(targets ? { targets } : {}),
      }),
    );
  }

  @Post()
  create(@CurrentPrincipal() principal: Principal): Promise<ResourceObject> {
    return this.commands.execute(new RefuseUtilityWrite('resource', principal));
  }

  @Get(':resourceID')
  get(@Param('resourceID') id: string, @CurrentPrincipal() principal: Principal): Promise<ResourceObject> {
    return this.queries.execute(new GetResource(principal, pathObjectId(id, 'resource')));
  }

  @Put(':resourceID')
  update(
    @Param('resourceID') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<ResourceObject> {
    return this.commands.execute(
      new AssignResourceTargets(pathObjectId(id, 'resource'), body, principal, this.clock.now(), correlationId),
    );
  }

  @Delete(':resourceID')
  remove(@Param('resourceID') id: string, @CurrentPrincipal() principal: Principal): Promise<ResourceObject> {
    pathObjectId(id, 'resource');
    return this.commands.execute(new RefuseUtilityWrite('resource', principal));
  }
}
