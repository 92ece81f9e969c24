import { Body, Controller, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  RegisterGateway,
  type IssuedNetworkKey,
} from '../../../application/gateways/register-gateway/register-gateway.command.js';
import { RotateNetworkKey } from '../../../application/gateways/rotate-network-key/rotate-network-key.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { GATEWAY_ID, gatewayId, metadata } from './gateway-request.helpers.js';
import { RegisterGatewayRequestDto } from './gateway.request.dto.js';
import { IssuedNetworkKeyDto } from './gateway.response.dto.js';

/**
 * The two operations that issue a gateway's network key: registering it and rotating the key. Kept together because
 * both answer the key, which is shown nowhere else.
 */
@Controller('api/gateways')
@UseGuards(AuthenticationGuard)
@ApiTags('gateways')
@ApiBearer()
export class GatewayKeysController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The response is the only place the network key is ever shown. */
  @Post()
  @ApiOperation({
    operationId: 'registerGateway',
    summary: 'Register a gateway (admin); answers its network key, once',
  })
  @ApiBody({ type: RegisterGatewayRequestDto })
  @ApiCreatedResponse({ type: IssuedNetworkKeyDto })
  @ApiProblems(400, [409, 'A gateway with this id is already registered'], 413, 415)
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RegisterGatewayRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<IssuedNetworkKey> {
    const issued = await this.commands.execute(
      new RegisterGateway(
        {
          ...(body.id !== undefined ? { gatewayId: body.id } : {}),
          name: body.name,
          networkType: body.networkType,
          address: body.address,
          ...(body.description !== undefined ? { description: body.description } : {}),
          location: {
            lat: body.location.lat,
            lon: body.location.lon,
            ...(body.location.label !== undefined ? { label: body.location.label } : {}),
          },
          ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
        },
        this.clock.now(),
        metadata(principal, correlationId),
      ),
    );
    // Lets the status read model catch up now rather than at its next idle poll.
    this.projections.poke();
    return issued;
  }

  @Post(':id/rotate-key')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateGatewayKey',
    summary: 'Issue a new network key (admin); live sessions drop at once',
  })
  @GATEWAY_ID
  @ApiOkResponse({ type: IssuedNetworkKeyDto })
  @ApiProblems(404, [409, 'The gateway is decommissioned or was changed concurrently'])
  async rotateKey(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<IssuedNetworkKey> {
    const issued = await this.commands.execute(
      new RotateNetworkKey(gatewayId(id), this.clock.now(), metadata(principal, correlationId)),
    );
    this.projections.poke();
    return issued;
  }
}
