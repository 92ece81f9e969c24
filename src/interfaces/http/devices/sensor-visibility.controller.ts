import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import {
  ListSensorVisibility,
  type SensorVisibilityPage,
  type SensorVisibilityView,
} from '../../../application/devices/list-sensor-visibility/list-sensor-visibility.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { SENSOR_VISIBILITIES } from '../../../domain/access/sensor-visibility.decider.js';
import { QUANTITIES } from '../../../domain/metering/canonical-reading.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';

const ID_MAX = 500;
const PAGE_MAX = 1000;

export class SensorVisibilityRequestQueryDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: ID_MAX, description: "Only this gateway's" })
  @IsOptional()
  @IsString()
  @Length(1, ID_MAX)
  gateway?: string;
  @ApiPropertyOptional({ maxLength: ID_MAX, description: 'The `nextAfter` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  after?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: PAGE_MAX, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  limit?: number;
}

export class SensorVisibilityViewDto implements SensorVisibilityView {
  @ApiProperty({ example: 'zigbee:0x00124b0012345678/1/power' }) readonly sensorId!: string;
  @ApiProperty() readonly nodeId!: string;
  @ApiProperty() readonly gatewayId!: string;
  @ApiProperty({ enum: QUANTITIES }) readonly quantity!: string;
  @ApiProperty({ enum: SENSOR_VISIBILITIES, description: '`shared` (visible through grants) until set otherwise' })
  readonly visibility!: (typeof SENSOR_VISIBILITIES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'Actor id of who set it; null while never set' })
  readonly changedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly changedAt!: string | null;
}

export class SensorVisibilityPageDto implements SensorVisibilityPage {
  @ApiProperty({ type: [SensorVisibilityViewDto] }) readonly items!: SensorVisibilityViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null at the end' })
  readonly nextAfter!: string | null;
}

@Controller('api/sensor-visibility')
@UseGuards(AuthenticationGuard)
@ApiTags('access')
@ApiBearer()
export class SensorVisibilityController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listSensorVisibility',
    summary: 'The sensors of the gateways you own with their visibility, in id order (admins: all; clients: none)',
  })
  @ApiOkResponse({ type: SensorVisibilityPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() request: SensorVisibilityRequestQueryDto,
  ): Promise<SensorVisibilityPage> {
    return this.queries.execute(
      new ListSensorVisibility(principal, {
        ...(request.gateway !== undefined ? { gatewayId: request.gateway } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }
}
