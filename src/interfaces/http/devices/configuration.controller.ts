import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListNodeConfiguration } from '../../../application/devices/node-configuration/configuration-projection/list-node-configuration.query.js';
import type { NodeConfigurationRow } from '../../../application/devices/node-configuration/configuration-projection/node-configuration.projection.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';

export class ConfigurationListDto {
  @IsOptional() @IsString() @MaxLength(200) gateway?: string;
  @IsOptional() @IsString() @MaxLength(300) node?: string;
  @IsOptional() @IsIn(['requested', 'sent', 'applied', 'rejected', 'timed_out']) status?: string;
}

/** The configuration database: desired vs applied per node and field. */
@Controller('api/configuration')
@UseGuards(AuthenticationGuard)
export class ConfigurationController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() query: ConfigurationListDto): Promise<{ items: NodeConfigurationRow[] }> {
    return this.queries.execute(
      new ListNodeConfiguration(principal, {
        ...(query.gateway !== undefined ? { gatewayId: query.gateway } : {}),
        ...(query.node !== undefined ? { nodeId: query.node } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
      }),
    );
  }
}
