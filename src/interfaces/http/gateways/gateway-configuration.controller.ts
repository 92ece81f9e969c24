import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ChangeGatewayDetails,
  type ChangedGatewayDetails,
} from '../../../application/gateways/change-gateway-details/change-gateway-details.command.js';
import type { FieldChange } from '../../../application/gateways/gateway-configuration-history/gateway-configuration.js';
import {
  GetGatewayConfiguration,
  ListGatewayConfigurationChanges,
  type GatewayConfigurationView,
} from '../../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import {
  RequestNetworkConfiguration,
  type RequestedNetworkConfiguration,
} from '../../../application/gateways/network-configuration/request-network-configuration/request-network-configuration.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { GATEWAY_LIMITS } from '../../../domain/gateways/gateway.validation.js';
import { NETWORK_CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/gateways/network-configuration.decider.js';
import type { NetworkConfigurationChange } from '../../../domain/gateways/network-configuration.events.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { ConfigurationAtDto, ConfigurationChangesDto } from '../devices/node-configuration.request.dto.js';
import {
  ChangedGatewayDetailsDto,
  FieldChangeDto,
  GatewayConfigurationViewDto,
} from './gateway-configuration.response.dto.js';
import { ChangeGatewayDetailsRequestDto } from './gateway.request.dto.js';
import { NetworkConfigurationRequestDto } from './network-configuration.request.dto.js';
import { RequestedNetworkConfigurationDto } from './network-configuration.response.dto.js';

function gatewayId(id: string): string {
  if (!GATEWAY_LIMITS.idPattern.test(id)) throw new NotFoundException(`gateway ${id.slice(0, 64)} does not exist`);
  return id;
}

function required<T>(value: T | undefined, name: string, kind: string): T {
  if (value === undefined) throw new BadRequestException(`${name} is required for kind ${kind}`);
  return value;
}

export function networkChangeFrom(body: NetworkConfigurationRequestDto): NetworkConfigurationChange {
  const { kind } = body;
  switch (kind) {
    case 'permit_join':
      return { kind, seconds: required(body.seconds, 'seconds', kind) };
    case 'channel':
      return { kind, channel: required(body.channel, 'channel', kind) };
  }
}

/** Network-level configuration of a gateway and its history, rebuilt from `gateway-<id>`. */
@Controller('api/gateways/:id')
@UseGuards(AuthenticationGuard)
@ApiTags('gateways')
@ApiBearer()
@ApiParam({
  name: 'id',
  description: 'Gateway id',
  schema: { type: 'string', pattern: GATEWAY_LIMITS.idPattern.source },
})
export class GatewayConfigurationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Patch()
  @ApiOperation({
    operationId: 'changeGatewayDetails',
    summary: 'Change the name, description or location of a gateway (admins)',
  })
  @ApiOkResponse({ type: ChangedGatewayDetailsDto })
  @ApiProblems(400, 404, [409, 'The gateway is decommissioned, or it was changed concurrently too often; retry'])
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ChangeGatewayDetailsRequestDto,
  ): Promise<ChangedGatewayDetails> {
    const location = body.location
      ? { lat: body.location.lat, lon: body.location.lon, label: body.location.label ?? '' }
      : undefined;
    return this.commands.execute(
      new ChangeGatewayDetails(
        principal,
        gatewayId(id),
        {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(location ? { location } : {}),
        },
        this.clock.now(),
        randomUUID(),
      ),
    );
  }

  /** 202: the change goes out when the gateway is connected and is applied once its coordinator confirms it. */
  @Post('network-configuration')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestNetworkConfiguration',
    summary: 'Change a network setting of a ZigBee gateway (admins): permit join or channel',
  })
  @ApiAcceptedResponse({ type: RequestedNetworkConfigurationDto })
  @ApiProblems(
    [400, 'The body is invalid, or the field its `kind` needs is missing'],
    404,
    [409, 'The gateway is decommissioned, or it was changed concurrently too often; retry'],
    [422, 'The gateway is not a ZigBee gateway'],
    413,
    415,
  )
  requestNetwork(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: NetworkConfigurationRequestDto,
  ): Promise<RequestedNetworkConfiguration> {
    return this.commands.execute(
      new RequestNetworkConfiguration(
        principal,
        gatewayId(id),
        {
          change: networkChangeFrom(body),
          reason: body.reason ?? '',
          timeoutSeconds: body.timeoutSeconds ?? NETWORK_CONFIGURATION_TIMEOUT_LIMITS.defaultSeconds,
        },
        this.clock.now(),
        randomUUID(),
      ),
    );
  }

  @Get('configuration')
  @ApiOperation({
    operationId: 'getGatewayConfiguration',
    summary: 'The configuration of a gateway field by field, now or at an instant',
  })
  @ApiOkResponse({ type: GatewayConfigurationViewDto })
  @ApiProblems(400, [404, 'The gateway does not exist, or the caller owns not it'])
  configuration(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: ConfigurationAtDto,
  ): Promise<GatewayConfigurationView> {
    return this.queries.execute(
      new GetGatewayConfiguration(principal, gatewayId(id), query.at !== undefined ? new Date(query.at) : null),
    );
  }

  @Get('configuration/changes')
  @ApiOperation({
    operationId: 'listGatewayConfigurationChanges',
    summary: 'Every field change of a gateway in a time range, with before and after',
  })
  @ApiOkResponse({ type: [FieldChangeDto] })
  @ApiProblems(
    [400, 'from or to is missing or invalid, or from is after to'],
    [404, 'The gateway does not exist, or the caller owns not it'],
  )
  changes(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: ConfigurationChangesDto,
  ): Promise<FieldChange[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (from > to) throw new BadRequestException('from must not be after to');
    return this.queries.execute(new ListGatewayConfigurationChanges(principal, gatewayId(id), from, to));
  }
}
