import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  CreateOadrSubscription,
  DeleteOadrSubscription,
  ReviseOadrSubscription,
} from '../../../application/market/manage-oadr-subscriptions/oadr-subscription.commands.js';
import type { SubscriptionObject } from '../../../application/market/oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import {
  GetOadrSubscription,
  SearchOadrSubscriptions,
} from '../../../application/market/query-oadr-subscriptions/oadr-subscription.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  objectIdParam,
  objectTypesParam,
  OPENADR_BASE,
  page,
  pathObjectId,
  textParam,
  type RawQuery,
} from './openadr-query.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';

/** OpenADR 3.1.0 `/subscriptions`: a utility's webhook subscriptions (scopes read_all, write_subscriptions). */
@Controller(`${OPENADR_BASE}/subscriptions`)
@ApiExcludeController()
@UseGuards(AuthenticationGuard)
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrSubscriptionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  search(@Query() query: RawQuery, @CurrentPrincipal() principal: Principal): Promise<SubscriptionObject[]> {
    const programId = objectIdParam(query, 'programID');
    const clientName = textParam(query, 'clientName');
    const objects = objectTypesParam(query);
    return this.queries.execute(
      new SearchOadrSubscriptions(principal, {
        ...page(query),
        ...(programId !== undefined ? { programId } : {}),
        ...(clientName !== undefined ? { clientName } : {}),
        ...(objects ? { objects } : {}),
      }),
    );
  }

  @Post()
  create(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<SubscriptionObject> {
    return this.commands.execute(new CreateOadrSubscription(body, principal, this.clock.now(), correlationId));
  }

  @Get(':subscriptionID')
  get(@Param('subscriptionID') id: string, @CurrentPrincipal() principal: Principal): Promise<SubscriptionObject> {
    return this.queries.execute(new GetOadrSubscription(principal, pathObjectId(id, 'subscription')));
  }

  @Put(':subscriptionID')
  update(
    @Param('subscriptionID') id: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<SubscriptionObject> {
    return this.commands.execute(
      new ReviseOadrSubscription(pathObjectId(id, 'subscription'), body, principal, this.clock.now(), correlationId),
    );
  }

  @Delete(':subscriptionID')
  remove(
    @Param('subscriptionID') id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<SubscriptionObject> {
    return this.commands.execute(
      new DeleteOadrSubscription(pathObjectId(id, 'subscription'), principal, this.clock.now(), correlationId),
    );
  }
}
