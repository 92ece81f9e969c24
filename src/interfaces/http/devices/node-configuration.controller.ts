import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
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
import type { Principal } from '../../../domain/access/principal.js';
import { CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange } from '../../../domain/devices/node-configuration.events.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ConfigurationAtDto, ConfigurationChangesDto, NodeConfigurationRequestDto } from './node-configuration.request.dto.js';

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
      return { kind, enabled: body.enabled ?? true, thresholdW: required(body.thresholdW, 'thresholdW', kind), forSeconds: required(body.forSeconds, 'forSeconds', kind) };
    case 'alarm_voltage_band':
      return { kind, enabled: body.enabled ?? true, minV: required(body.minV, 'minV', kind), maxV: required(body.maxV, 'maxV', kind) };
    case 'firmware_update':
      return { kind, version: required(body.version, 'version', kind) };
    case 'poll_interval':
      return { kind, seconds: required(body.seconds, 'seconds', kind) };
  }
}

@Controller('api/nodes/:id/configuration')
@UseGuards(AuthenticationGuard)
export class NodeConfigurationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** 202: device settings go out when the gateway is connected; alarm settings are applied at once. */
  @Post()
  @HttpCode(202)
  request(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: NodeConfigurationRequestDto): Promise<RequestedNodeConfiguration> {
    return this.commands.execute(
      new RequestNodeConfiguration(
        principal,
        id,
        { change: changeFrom(body), reason: body.reason ?? '', timeoutSeconds: body.timeoutSeconds ?? CONFIGURATION_TIMEOUT_LIMITS.defaultSeconds },
        new Date(),
        randomUUID(),
      ),
    );
  }

  @Get()
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ConfigurationAtDto): Promise<NodeConfigurationView> {
    return this.queries.execute(new GetNodeConfiguration(principal, id, query.at !== undefined ? new Date(query.at) : null));
  }

  @Get('changes')
  changes(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: ConfigurationChangesDto): Promise<ConfigurationChange[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (from > to) throw new BadRequestException('from must not be after to');
    return this.queries.execute(new ListNodeConfigurationChanges(principal, id, from, to));
  }
}
