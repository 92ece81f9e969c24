import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListNodeConfiguration } from '../../../application/devices/node-configuration/list-node-configuration/list-node-configuration.query.js';
import type { NodeConfigurationRow } from '../../../application/devices/node-configuration-read-model/node-configuration.projection.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { NodeConfigurationListDto } from './node-configuration.response.dto.js';

const STATUSES = ['requested', 'sent', 'applied', 'rejected', 'timed_out'] as const;

export class ConfigurationListDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Only this gateway (one the caller owns; else the list is empty)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  gateway?: string;
  @ApiPropertyOptional({ maxLength: 300, description: 'Only this node' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  node?: string;
  @ApiPropertyOptional({ enum: STATUSES, description: 'Only fields whose last request has this status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: string;
}

/** The configuration database: desired vs applied per node and field. */
@Controller('api/configuration')
@UseGuards(AuthenticationGuard)
@ApiTags('nodes')
@ApiBearer()
export class ConfigurationController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listConfiguration',
    summary: 'Desired vs applied settings per node and field, for the gateways the caller owns (at most 5000 rows)',
  })
  @ApiOkResponse({ type: NodeConfigurationListDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ConfigurationListDto,
  ): Promise<{ items: NodeConfigurationRow[] }> {
    return this.queries.execute(
      new ListNodeConfiguration(principal, {
        ...(query.gateway !== undefined ? { gatewayId: query.gateway } : {}),
        ...(query.node !== undefined ? { nodeId: query.node } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
      }),
    );
  }
}
