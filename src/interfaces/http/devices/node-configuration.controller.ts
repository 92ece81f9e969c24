import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  GetNodeConfiguration,
  ListNodeConfigurationChanges,
  type ConfigurationChange,
  type NodeConfigurationView,
} from '../../../application/devices/node-configuration/node-configuration-history/node-configuration-history.queries.js';
import {
  RequestNodeConfiguration,
  type RequestedNodeConfiguration,
} from '../../../application/devices/node-configuration/request-node-configuration/request-node-configuration.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange } from '../../../domain/devices/node-configuration.events.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { NODE_ID_MAX } from '../metering/readings.request.dto.js';
import {
  ConfigurationAtDto,
  ConfigurationChangesDto,
  NodeConfigurationRequestDto,
} from './node-configuration.request.dto.js';
import {
  ConfigurationChangeDto,
  NodeConfigurationViewDto,
  RequestedNodeConfigurationDto,
} from './node-configuration.response.dto.js';

function required<T>(value: T | undefined, name: string, kind: string): T {
  if (value === undefined) throw new BadRequestException(`${name} is required for kind ${kind}`);
  return value;
}

export function changeFrom(body: NodeConfigurationRequestDto): NodeConfigurationChange {
  const { kind } = body;
  switch (kind) {
    case 'reporting':
      return {
        kind,
        quantity: required(body.quantity, 'quantity', kind),
        minIntervalS: required(body.minIntervalS, 'minIntervalS', kind),
        maxIntervalS: required(body.maxIntervalS, 'maxIntervalS', kind),
        reportableChange: body.reportableChange ?? 0,
      };
    case 'alarm_power_above':
      return {
        kind,
        enabled: body.enabled ?? true,
        thresholdW: required(body.thresholdW, 'thresholdW', kind),
        forSeconds: required(body.forSeconds, 'forSeconds', kind),
      };
    case 'alarm_voltage_band':
      return {
        kind,
        enabled: body.enabled ?? true,
        minV: required(body.minV, 'minV', kind),
        maxV: required(body.maxV, 'maxV', kind),
      };
    case 'firmware_update':
      return { kind, version: required(body.version, 'version', kind) };
    case 'poll_interval':
      return { kind, seconds: required(body.seconds, 'seconds', kind) };
  }
}

/** Named as `getNode` names it; here the id is one segment, so its `/` must be sent encoded (`%2F`). */
const NODE_ID = ApiParam({
  name: 'nodeId',
  description:
    'The node id, URL-encoded (`zigbee2mqtt%3Agw-1%2Fkitchen%20plug`); ids longer than 100 characters are answered 404 here',
  schema: { type: 'string', maxLength: NODE_ID_MAX },
});

@Controller('api/nodes/:nodeId/configuration')
@UseGuards(AuthenticationGuard)
@ApiTags('nodes')
@ApiBearer()
@NODE_ID
export class NodeConfigurationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 202: device settings go out when the gateway is connected; alarm settings are applied at once. */
  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestNodeConfiguration',
    summary: 'Change one setting of a node (admins): reporting, alarms, firmware or polling',
  })
  @ApiAcceptedResponse({ type: RequestedNodeConfigurationDto })
  @ApiProblems(
    [400, 'The body is invalid, or a field its `kind` needs is missing'],
    [404, 'The node does not exist'],
    [409, 'The node was changed concurrently too often; retry'],
  )
  request(
    @CurrentPrincipal() principal: Principal,
    @Param('nodeId') id: string,
    @Body() body: NodeConfigurationRequestDto,
  ): Promise<RequestedNodeConfiguration> {
    return this.commands.execute(
      new RequestNodeConfiguration(
        principal,
        id,
        {
          change: changeFrom(body),
          reason: body.reason ?? '',
          timeoutSeconds: body.timeoutSeconds ?? CONFIGURATION_TIMEOUT_LIMITS.defaultSeconds,
        },
        this.clock.now(),
        randomUUID(),
      ),
    );
  }

  @Get()
  @ApiOperation({
    operationId: 'getNodeConfiguration',
    summary: 'Desired and applied settings of a node, now or at an instant',
  })
  @ApiOkResponse({ type: NodeConfigurationViewDto })
  @ApiProblems(400, [404, 'The node does not exist, or the caller owns not its gateway'])
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('nodeId') id: string,
    @Query() query: ConfigurationAtDto,
  ): Promise<NodeConfigurationView> {
    return this.queries.execute(
      new GetNodeConfiguration(principal, id, query.at !== undefined ? new Date(query.at) : null),
    );
  }

  @Get('changes')
  @ApiOperation({
    operationId: 'listNodeConfigurationChanges',
    summary: 'Every configuration event of a node in a time range, with before and after',
  })
  @ApiOkResponse({ type: [ConfigurationChangeDto] })
  @ApiProblems(
    [400, 'from or to is missing or invalid, or from is after to'],
    [404, 'The node does not exist, or the caller owns not its gateway'],
  )
  changes(
    @CurrentPrincipal() principal: Principal,
    @Param('nodeId') id: string,
    @Query() query: ConfigurationChangesDto,
  ): Promise<ConfigurationChange[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (from > to) throw new BadRequestException('from must not be after to');
    return this.queries.execute(new ListNodeConfigurationChanges(principal, id, from, to));
  }
}
