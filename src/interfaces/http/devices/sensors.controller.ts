import { BadRequestException, Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { SensorPageDto } from '../metering/readings.response.dto.js';
import { ListSensors, type SensorPage } from '../../../application/devices/list-sensors/list-sensors.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { SensorsRequestDto } from '../metering/readings.request.dto.js';
import {
  ListSensorAnnotations,
  type SensorAnnotations,
} from '../../../application/devices/list-sensor-annotations/list-sensor-annotations.query.js';
import { SensorAnnotationsDto, SensorAnnotationsRequestDto } from './sensor-annotations.dto.js';

@Controller('api/sensors')
@UseGuards(AuthenticationGuard)
@ApiTags('readings')
@ApiBearer()
export class SensorsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listSensors', summary: 'Known sensors with their newest value, in id order' })
  @ApiOkResponse({ type: SensorPageDto })
  @ApiProblems(400)
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

  @Get('annotations')
  @ApiOperation({
    operationId: 'listSensorAnnotations',
    summary:
      "Moments from the log that explain a sensor's chart: its gateway online or offline, its node's configuration and firmware changes, its switches' commands",
  })
  @ApiOkResponse({ type: SensorAnnotationsDto })
  @ApiProblems(
    [400, 'sensor, from or to is missing or invalid, or from is after to'],
    [404, 'The sensor does not exist, or the caller may not read it'],
  )
  annotations(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SensorAnnotationsRequestDto,
  ): Promise<SensorAnnotations> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (from > to) throw new BadRequestException('from must not be after to');
    return this.queries.execute(new ListSensorAnnotations(principal, query.sensor, from, to));
  }
}
