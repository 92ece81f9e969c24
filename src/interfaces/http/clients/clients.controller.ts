import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ListApiClients, type ApiClientPage } from '../../../application/access/list-api-clients/list-api-clients.query.js';
import { RegisterApiClient, type IssuedClientSecret } from '../../../application/access/register-api-client/register-api-client.command.js';
import { RevokeApiClient } from '../../../application/access/revoke-api-client/revoke-api-client.command.js';
import { RotateApiClientSecret } from '../../../application/access/rotate-api-client-secret/rotate-api-client-secret.command.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { accessMetadata, pathId } from '../users/access-metadata.js';
import { PageRequestDto, ReasonRequestDto } from '../users/users.request.dto.js';
import { RegisterApiClientRequestDto } from './clients.request.dto.js';

/** API clients of third parties (utilities); the handlers decide who may (admins). Secrets appear once, here. */
@Controller('api/clients')
@UseGuards(AuthenticationGuard)
export class ClientsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  register(
    @Body() body: RegisterApiClientRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<IssuedClientSecret> {
    void reply.header('cache-control', 'no-store');
    return this.commands.execute(new RegisterApiClient({ organisation: body.organisation, name: body.name }, principal, new Date(), accessMetadata(principal, correlationId)));
  }

  @Get()
  list(@Query() request: PageRequestDto, @CurrentPrincipal() principal: Principal): Promise<ApiClientPage> {
    return this.queries.execute(new ListApiClients({ ...(request.after !== undefined ? { after: request.after } : {}), limit: request.limit ?? 100 }, principal));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  rotate(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ clientId: string; clientSecret: string; secretFingerprint: string }> {
    void reply.header('cache-control', 'no-store');
    return this.commands.execute(new RotateApiClientSecret(pathId('API client', id), principal, new Date(), accessMetadata(principal, correlationId)));
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<{ clientId: string; revoked: true }> {
    return this.commands.execute(
      new RevokeApiClient(pathId('API client', id), body.reason ?? 'revoked by an administrator', principal, new Date(), accessMetadata(principal, correlationId)),
    );
  }
}
