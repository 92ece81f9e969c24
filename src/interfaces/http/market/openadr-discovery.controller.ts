import { readFileSync } from 'node:fs';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  CLIENT_CREDENTIALS,
  type ClientCredentials,
} from '../../../application/access/client-credentials/client-credentials.service.js';
import { businessLogicCaller } from '../../../application/market/openadr-caller.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { OAuthErrorsFilter } from '../access/oauth-errors.js';
import { issueClientToken } from '../access/oauth-token.controller.js';
import { OPENADR_BASE } from './openadr-query.js';
import { OpenAdrProblemFilter } from './openadr-problems.js';

/** Served as it came from the specification (see openadr-3.1.0/NOTICE.md). */
const SPEC_DOCUMENT = readFileSync(new URL('./openadr-3.1.0/openadr3.yaml', import.meta.url), 'utf8');

/** Where OpenADR clients start: token endpoint discovery, the token endpoint, notifier bindings, the API document. */
@Controller(OPENADR_BASE)
@ApiExcludeController()
@UseFilters(OpenAdrProblemFilter)
export class OpenAdrDiscoveryController {
  constructor(@Inject(CLIENT_CREDENTIALS) private readonly clients: ClientCredentials) {}

  /** Required by the spec ("Token endpoint discovery"): `{ tokenURL }`, absolute, on the host the client used. */
  @Get('auth/server')
  server(@Req() request: FastifyRequest): { tokenURL: string } {
    return { tokenURL: `${request.protocol}://${request.host}/${OPENADR_BASE}/auth/token` };
  }

  /** The client-credentials grant, as `/api/oauth/token`: form or JSON, `scope`, RFC 6749 errors. */
  @Post('auth/token')
  @HttpCode(200)
  @UseFilters(OAuthErrorsFilter)
  token(
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('authorization') authorization?: string,
  ): Promise<unknown> {
    return issueClientToken(this.clients, body, reply, authorization);
  }

  /** Webhooks are the one notifier binding (MQTT is not offered). */
  @Get('notifiers')
  @UseGuards(AuthenticationGuard)
  notifiers(@CurrentPrincipal() principal: Principal): { WEBHOOK: true } {
    businessLogicCaller(principal, 'read_all');
    return { WEBHOOK: true };
  }

  @Get('openapi.yaml')
  document(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.header('content-type', 'application/yaml; charset=utf-8');
    return SPEC_DOCUMENT;
  }
}
