import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ListApiClients,
  type ApiClientPage,
} from '../../../application/access/list-api-clients/list-api-clients.query.js';
import {
  RegisterApiClient,
  type IssuedClientSecret,
} from '../../../application/access/register-api-client/register-api-client.command.js';
import {
  RevokeApiClient,
  type RevokedApiClient,
} from '../../../application/access/revoke-api-client/revoke-api-client.command.js';
import {
  RotateApiClientSecret,
  type RotatedClientSecret,
} from '../../../application/access/rotate-api-client-secret/rotate-api-client-secret.command.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal } from './current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { accessIdParam, accessMetadata, pathId } from './access-metadata.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { PageRequestDto, ReasonRequestDto } from './users.request.dto.js';
import { RegisterApiClientRequestDto } from './clients.request.dto.js';
import {
  ApiClientPageDto,
  IssuedClientSecretDto,
  RevokedApiClientDto,
  RotatedClientSecretDto,
} from './clients.response.dto.js';

/** API clients of third parties (utilities); the handlers decide who may (admins). Secrets appear once, here. */
@Controller('api/clients')
@UseGuards(AuthenticationGuard)
@ApiTags('clients')
@ApiBearer()
export class ClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({
    operationId: 'registerApiClient',
    summary: 'Register an API client (admin); answers its secret, once',
  })
  @ApiBody({ type: RegisterApiClientRequestDto })
  @ApiCreatedResponse({ type: IssuedClientSecretDto })
  @ApiProblems(400, 413, 415)
  register(
    @Body() body: RegisterApiClientRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<IssuedClientSecret> {
    void reply.header('cache-control', 'no-store');
    return this.commands.execute(
      new RegisterApiClient(
        {
          organisation: body.organisation,
          name: body.name,
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.providerId !== undefined ? { providerId: body.providerId } : {}),
        },
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }

  @Get()
  @ApiOperation({ operationId: 'listApiClients', summary: 'API clients in id order, without secrets (admin)' })
  @ApiOkResponse({ type: ApiClientPageDto })
  @ApiProblems(400)
  list(@Query() request: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<ApiClientPage> {
    return this.queries.execute(
      new ListApiClients(
        { ...(request.after !== undefined ? { after: request.after } : {}), limit: request.limit ?? 100 },
        principal,
      ),
    );
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateApiClientSecret',
    summary: 'Issue a new client secret (admin); the old one stops working',
  })
  @accessIdParam('API client id')
  @ApiOkResponse({ type: RotatedClientSecretDto })
  @ApiProblems(404, [409, 'The client is revoked or was changed concurrently'])
  rotate(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<RotatedClientSecret> {
    void reply.header('cache-control', 'no-store');
    return this.commands.execute(
      new RotateApiClientSecret(
        pathId('API client', id),
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeApiClient',
    summary: 'Revoke an API client (admin); its tokens stop working on the next request',
  })
  @accessIdParam('API client id')
  @ApiBody({ type: ReasonRequestDto, required: false })
  @ApiOkResponse({ type: RevokedApiClientDto })
  @ApiProblems(400, 404, [409, 'Already revoked, or changed concurrently'], 413, 415)
  revoke(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<RevokedApiClient> {
    return this.commands.execute(
      new RevokeApiClient(
        pathId('API client', id),
        body.reason ?? 'revoked by an administrator',
        principal,
        this.clock.now(),
        accessMetadata(principal, correlationId),
      ),
    );
  }
}
