import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryOwnerCosts, type OwnerCosts } from '../../../application/market/query-owner-costs/owner-costs.query.js';
import {
  QueryOwnerSignals,
  type OwnerSignals,
} from '../../../application/market/query-owner-signals/owner-signals.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CostsQueryDto, SignalsQueryDto } from './market.request.dto.js';
import { OwnerCostsDto, OwnerSignalsDto } from './market.response.dto.js';

/** What the programs an owner joined say (prices, DR events, alerts, weather), and what the owner's energy costs. */
@Controller('api/market')
@UseGuards(AuthenticationGuard)
@ApiTags('market')
@ApiBearer()
export class MarketSignalsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('signals')
  @ApiOperation({
    operationId: 'listMarketSignals',
    summary:
      "Signals of the caller's live enrollments over a range, as segments on the caller's wall clock: prices, DR events, alerts, weather",
  })
  @ApiOkResponse({ type: OwnerSignalsDto })
  @ApiProblems(
    [400, 'Invalid range (reversed, longer than 31 days), time zone or kind'],
    [404, 'The program named is not one the caller is enrolled in'],
  )
  signals(@Query() query: SignalsQueryDto, @CurrentPrincipal() principal: Principal): Promise<OwnerSignals> {
    return this.queries.execute(
      new QueryOwnerSignals(principal, {
        from: query.from,
        to: query.to,
        timeZone: query.timeZone,
        ...(query.programId !== undefined ? { programId: query.programId } : {}),
        ...(query.kind !== undefined ? { kind: query.kind } : {}),
      }),
    );
  }

  @Get('costs')
  @ApiOperation({
    operationId: 'getMarketCosts',
    summary:
      "Cost per bucket of the caller's energy meters: each bucket's energy × the program's price covering it (never the price when a reading arrived)",
  })
  @ApiOkResponse({ type: OwnerCostsDto })
  @ApiProblems(
    [400, 'Invalid range or bucket boundaries, or a sensor that is not an energy counter'],
    [404, 'The program is not one the caller is or was enrolled in, or a meter the caller may not read'],
  )
  costs(@Query() query: CostsQueryDto, @CurrentPrincipal() principal: Principal): Promise<OwnerCosts> {
    return this.queries.execute(
      new QueryOwnerCosts(principal, {
        programId: query.programId,
        sensorIds: query.sensor,
        from: query.from,
        to: query.to,
        bucket: query.bucket,
        timeZone: query.timeZone,
        payloadType: query.payloadType,
      }),
    );
  }
}
