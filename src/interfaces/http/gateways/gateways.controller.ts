import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, UnprocessableEntityException, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { DecommissionGateway, type DecommissionedGateway } from '../../../application/gateways/decommission-gateway/decommission-gateway.command.js';
import type { CommandMetadata } from '../../../application/gateways/gateway-stream.js';
import type { GatewayView } from '../../../application/gateways/gateway-status/gateway-view.js';
import { GetGateway } from '../../../application/gateways/get-gateway/get-gateway.query.js';
import { ListGateways, type GatewayPage } from '../../../application/gateways/list-gateways/list-gateways.query.js';
import { RegisterGateway, type IssuedNetworkKey } from '../../../application/gateways/register-gateway/register-gateway.command.js';
import { RotateNetworkKey } from '../../../application/gateways/rotate-network-key/rotate-network-key.command.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { GATEWAY_LIMITS } from '../../../domain/gateways/gateway.validation.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../application/access/ports/access-policy.port.js';
import { ChangeGatewayOwner, type ChangedGatewayOwner } from '../../../application/gateways/change-gateway-owner/change-gateway-owner.command.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import type { GatewayCommands } from '../../gateway-link/gateway-commands.js';
import { GATEWAY_COMMANDS, PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { GatewayErrorsFilter } from './gateway-errors.filter.js';
import { ChangeOwnerRequestDto, DecommissionGatewayRequestDto, ListGatewaysRequestDto, PermitJoinRequestDto, RegisterGatewayRequestDto } from './gateway.request.dto.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

function metadata(principal: Principal, correlationId: string | undefined): CommandMetadata {
  return {
    actorId: actorIdOf(principal),
    correlationId: correlationId && CORRELATION_ID.test(correlationId) ? correlationId : randomUUID(),
    principal,
  };
}

/** An id that cannot exist is answered like any unknown one, without touching the store. */
function gatewayId(id: string): string {
  if (!GATEWAY_LIMITS.idPattern.test(id)) throw new NotFoundException(`gateway ${id.slice(0, 64)} does not exist`);
  return id;
}

@Controller('api/gateways')
@UseGuards(AuthenticationGuard)
@UseFilters(GatewayErrorsFilter, AccessErrorsFilter)
export class GatewaysController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
    @Inject(GATEWAY_COMMANDS) private readonly gatewayCommands: GatewayCommands,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  /** The response is the only place the network key is ever shown. */
  @Post()
  async register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterGatewayRequestDto, @Headers('x-correlation-id') correlationId?: string): Promise<IssuedNetworkKey> {
    const issued = await this.commands.execute(
      new RegisterGateway(
        {
          ...(body.id !== undefined ? { gatewayId: body.id } : {}),
          name: body.name,
          networkType: body.networkType,
          address: body.address,
          ...(body.description !== undefined ? { description: body.description } : {}),
          location: { lat: body.location.lat, lon: body.location.lon, ...(body.location.label !== undefined ? { label: body.location.label } : {}) },
          ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
        },
        new Date(),
        metadata(principal, correlationId),
      ),
    );
    // Lets the status read model catch up now rather than at its next idle poll.
    this.projections.poke();
    return issued;
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  async rotateKey(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Headers('x-correlation-id') correlationId?: string): Promise<IssuedNetworkKey> {
    const issued = await this.commands.execute(new RotateNetworkKey(gatewayId(id), new Date(), metadata(principal, correlationId)));
    this.projections.poke();
    return issued;
  }

  /** Opens (or with 0 closes) joining on the gateway's ZigBee network; answers what the gateway said. */
  @Post(':id/permit-join')
  @HttpCode(200)
  async permitJoin(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: PermitJoinRequestDto,
  ): Promise<{ gatewayId: string; ok: boolean; detail?: string }> {
    // No command handler sits between this and the live link, so the policy is asked here.
    this.access.assertAdmin(principal, 'opening a network for joining');
    const seconds = body.seconds ?? 60;
    const outcome = await this.gatewayCommands.send(gatewayId(id), 'permit_join', id, { seconds });
    if (!outcome.ok) throw new UnprocessableEntityException(outcome.detail ?? 'the gateway refused the command');
    return { gatewayId: id, ...outcome };
  }

  @Post(':id/decommission')
  @HttpCode(200)
  async decommission(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DecommissionGatewayRequestDto,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<DecommissionedGateway> {
    const result = await this.commands.execute(
      new DecommissionGateway(gatewayId(id), body.reason ?? 'decommissioned by an administrator', new Date(), metadata(principal, correlationId)),
    );
    this.projections.poke();
    return result;
  }

  /** Hands the gateway (with its nodes, sensors and actuators) to another user; admins only. */
  @Post(':id/owner')
  @HttpCode(200)
  async changeOwner(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ChangeOwnerRequestDto,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ChangedGatewayOwner> {
    const result = await this.commands.execute(new ChangeGatewayOwner(gatewayId(id), body.ownerId, new Date(), metadata(principal, correlationId)));
    this.projections.poke();
    return result;
  }

  @Get()
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
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<GatewayView> {
    return this.queries.execute(new GetGateway(principal, gatewayId(id)));
  }
}
