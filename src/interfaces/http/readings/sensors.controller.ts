import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListSensors, type SensorPage } from '../../../application/metering/query-readings/list-sensors/list-sensors.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ReadingQueryErrorsFilter } from './reading-query-errors.filter.js';
import { SensorsRequestDto } from './readings.request.dto.js';

@Controller('api/sensors')
@UseGuards(AuthenticationGuard)
@UseFilters(ReadingQueryErrorsFilter, AccessErrorsFilter)
export class SensorsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() request: SensorsRequestDto): Promise<SensorPage> {
    return this.queries.execute(
      new ListSensors(principal, {
        ...(request.gateway !== undefined ? { gatewayId: request.gateway } : {}),
        ...(request.node !== undefined ? { nodeId: request.node } : {}),
        ...(request.quantity !== undefined ? { quantity: request.quantity } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }
}
