import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListSensors, type SensorPage } from '../../../application/metering/query-readings/list-sensors/list-sensors.query.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { ReadingQueryErrorsFilter } from './reading-query-errors.filter.js';
import { SensorsRequestDto } from './readings.request.dto.js';
import { ADMIN_VIEWER } from './viewer.js';

@Controller('api/sensors')
@UseGuards(AuthenticationGuard)
@UseFilters(ReadingQueryErrorsFilter)
export class SensorsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() request: SensorsRequestDto): Promise<SensorPage> {
    return this.queries.execute(
      new ListSensors(ADMIN_VIEWER, {
        ...(request.gateway !== undefined ? { gatewayId: request.gateway } : {}),
        ...(request.node !== undefined ? { nodeId: request.node } : {}),
        ...(request.quantity !== undefined ? { quantity: request.quantity } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }
}
