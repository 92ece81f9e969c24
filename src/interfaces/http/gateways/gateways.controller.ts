import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  DecommissionGateway,
  type DecommissionedGateway,
} from '../../../application/gateways/decommission-gateway/decommission-gateway.command.js';
import type { GatewayView } from '../../../application/gateways/gateway-status-read-model/gateway-view.js';
import { GetGateway } from '../../../application/gateways/get-gateway/get-gateway.query.js';
import { ListGateways, type GatewayPage } from '../../../application/gateways/list-gateways/list-gateways.query.js';
import {
  NetworkConfigurationRefusedError,
  NetworkConfigurationTimedOutError,
} from '../../../application/gateways/network-configuration/network-configuration-outcome.errors.js';
import {
  RequestNetworkConfiguration,
  type RequestedNetworkConfiguration,
} from '../../../application/gateways/network-configuration/request-network-configuration/request-network-configuration.command.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { NETWORK_CONFIGURATION_TIMEOUT_LIMITS } from '../../../domain/gateways/network-configuration.decider.js';
import { NETWORK_LIMITS } from '../../../domain/gateways/network-configuration.events.js';
import {
  ChangeGatewayOwner,
  type ChangedGatewayOwner,
} from '../../../application/gateways/change-gateway-owner/change-gateway-owner.command.js';
import {
  EraseOwnershipPeriods,
  type ErasedOwnershipPeriods,
} from '../../../application/gateways/erase-ownership-periods/erase-ownership-periods.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  ChangeOwnerRequestDto,
  DecommissionGatewayRequestDto,
  EraseOwnershipPeriodsRequestDto,
  ListGatewaysRequestDto,
} from './gateway.request.dto.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import {
  ChangedGatewayOwnerDto,
  DecommissionedGatewayDto,
  ErasedOwnershipPeriodsDto,
  GatewayPageDto,
  GatewayViewDto,
} from './gateway.response.dto.js';
import { GATEWAY_ID, gatewayId, metadata } from './gateway-request.helpers.js';
import { PermitJoinRequestDto } from './network-configuration.request.dto.js';
import { PermitJoinResultDto, RequestedNetworkConfigurationDto } from './network-configuration.response.dto.js';

/** How long permit-join waits for a connected gateway's coordinator to confirm before answering 202. */
export const PERMIT_JOIN_WAIT_MS = 15_000;

@Controller('api/gateways')
@UseGuards(AuthenticationGuard)
@ApiTags('gateways')
@ApiBearer()
export class GatewaysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Opens (or with 0 closes) joining as a network configuration request (`network.permitJoin`), recorded like any
   * other: when the gateway is connected it waits for the coordinator's answer, else it answers 202 and the request
   * waits for the gateway until it expires.
   */
  @Post(':id/permit-join')
  @ApiOperation({
    operationId: 'permitGatewayJoin',
    summary: "Let devices join the gateway's ZigBee network for a while (0 closes; admin)",
    description:
      'Records a `permit_join` network configuration request. A connected gateway is waited for (up to 15 s): 200 once its coordinator confirmed, ' +
      '422 when it refused, 504 when the request expired. Otherwise 202: the request waits until the gateway connects or it expires.',
  })
  @GATEWAY_ID
  @ApiBody({ type: PermitJoinRequestDto, required: false })
  @ApiOkResponse({
    type: PermitJoinResultDto,
    description: 'The coordinator confirmed; `applied` says until when joining is open',
  })
  @ApiAcceptedResponse({
    type: RequestedNetworkConfigurationDto,
    description: 'The gateway is not connected, or has not answered yet: the request waits',
  })
  @ApiProblems(
    400,
    404,
    [409, 'The gateway is decommissioned, or it was changed concurrently too often; retry'],
    [422, 'The gateway is not a ZigBee gateway, or its coordinator refused'],
    413,
    415,
    [504, 'The request expired before the gateway answered'],
  )
  async permitJoin(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: PermitJoinRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<RequestedNetworkConfiguration & { ok?: boolean; detail?: string }> {
    const result = await this.commands.execute<RequestNetworkConfiguration, RequestedNetworkConfiguration>(
      new RequestNetworkConfiguration(
        principal,
        gatewayId(id),
        {
          change: { kind: 'permit_join', seconds: body.seconds ?? NETWORK_LIMITS.permitJoinSeconds.default },
          reason: body.reason ?? '',
          timeoutSeconds: body.timeoutSeconds ?? NETWORK_CONFIGURATION_TIMEOUT_LIMITS.defaultSeconds,
        },
        this.clock.now(),
        correlationId,
        PERMIT_JOIN_WAIT_MS,
      ),
    );
    switch (result.status) {
      case 'applied':
        void reply.status(200);
        return { ...result, ok: true, detail: result.outcome ?? '' };
      case 'rejected':
        throw new NetworkConfigurationRefusedError(result.requestId, result.outcome ?? 'the gateway refused');
      case 'timed_out':
        throw new NetworkConfigurationTimedOutError(result.requestId, result.gatewayId);
      case 'requested':
      case 'sent':
        void reply.status(202);
        return result;
    }
  }

  @Post(':id/decommission')
  @HttpCode(200)
  @ApiOperation({ operationId: 'decommissionGateway', summary: 'Retire the gateway (admin); its key stops working' })
  @GATEWAY_ID
  @ApiBody({ type: DecommissionGatewayRequestDto, required: false })
  @ApiOkResponse({ type: DecommissionedGatewayDto })
  @ApiProblems(400, 404, [409, 'Already decommissioned, or changed concurrently'], 413, 415)
  async decommission(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DecommissionGatewayRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DecommissionedGateway> {
    const result = await this.commands.execute(
      new DecommissionGateway(
        gatewayId(id),
        body.reason ?? 'decommissioned by an administrator',
        this.clock.now(),
        metadata(principal, correlationId),
      ),
    );
    this.projections.poke();
    return result;
  }

  /** Hands the gateway (with its nodes, sensors and actuators) to another user; admins only. */
  @Post(':id/owner')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'changeGatewayOwner',
    summary: 'Hand the gateway and everything behind it to another user (admin)',
  })
  @GATEWAY_ID
  @ApiBody({ type: ChangeOwnerRequestDto })
  @ApiOkResponse({ type: ChangedGatewayOwnerDto })
  @ApiProblems(400, 404, [409, 'The gateway is decommissioned or was changed concurrently'], 413, 415)
  async changeOwner(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ChangeOwnerRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<ChangedGatewayOwner> {
    const result = await this.commands.execute(
      new ChangeGatewayOwner(gatewayId(id), body.ownerId, this.clock.now(), metadata(principal, correlationId)),
    );
    this.projections.poke();
    return result;
  }

  /**
   * Erases, on a former owner's request, everything the read models hold of their ended periods of the gateway
   * (ADR 0030); the log keeps one tombstone per period. Admins only.
   */
  @Post(':id/ownership-periods/erase')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'eraseOwnershipPeriods',
    summary: 'Erase a former owner’s periods of the gateway: readings, alarms, commands, access log (admin)',
  })
  @GATEWAY_ID
  @ApiBody({ type: EraseOwnershipPeriodsRequestDto })
  @ApiOkResponse({ type: ErasedOwnershipPeriodsDto })
  @ApiProblems(
    400,
    [404, 'Unknown gateway, or the user has no ended period of it'],
    [409, 'The user owns the gateway now, or it was changed concurrently'],
    413,
    415,
  )
  async eraseOwnershipPeriods(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: EraseOwnershipPeriodsRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<ErasedOwnershipPeriods> {
    const result = await this.commands.execute(
      new EraseOwnershipPeriods(
        gatewayId(id),
        body.ownerId,
        body.reason,
        this.clock.now(),
        metadata(principal, correlationId),
      ),
    );
    this.projections.poke();
    return result;
  }

  @Get()
  @ApiOperation({ operationId: 'listGateways', summary: 'Gateways with their status, in id order' })
  @ApiOkResponse({ type: GatewayPageDto })
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() request: ListGatewaysRequestDto): Promise<GatewayPage> {
    return this.queries.execute(
      new ListGateways(principal, {
        ...(request.lifecycle !== undefined ? { lifecycle: request.lifecycle } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getGateway', summary: 'One gateway: lifecycle, connection, counters, last refusal' })
  @GATEWAY_ID
  @ApiOkResponse({ type: GatewayViewDto })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<GatewayView> {
    return this.queries.execute(new GetGateway(principal, gatewayId(id)));
  }
}
