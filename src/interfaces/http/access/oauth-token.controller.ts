import { Body, Controller, Headers, HttpCode, Inject, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CLIENT_CREDENTIALS,
  type ClientCredentials,
} from '../../../application/access/client-credentials/client-credentials.service.js';
import { ApiProblems, ApiPublic } from '../openapi/api-docs.decorators.js';
import { OAuthError, OAuthErrorsFilter } from './oauth-errors.js';
import { OAuthErrorDto, TokenRequestDto, TokenResponseDto } from './oauth-token.dto.js';

type TokenResponse = TokenResponseDto;

/** RFC 6749 error answers are plain JSON, not problem details: OAuth client libraries parse `error` from them. */
const oauthError = (status: number, description: string): MethodDecorator =>
  ApiResponse({
    status,
    description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(OAuthErrorDto) } } },
  });

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  // Form bodies turn a repeated parameter into an array, which RFC 6749 forbids.
  if (typeof value !== 'string')
    throw new OAuthError('invalid_request', `parameter ${name} must be given once, as a string`);
  return value;
}

function fromBasic(header: string): { id: string; secret: string } {
  const match = /^Basic ([A-Za-z0-9+/]+=*)$/.exec(header);
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 0)
    throw new OAuthError('invalid_client', 'the Authorization header must be Basic base64(client_id:client_secret)');
  try {
    // RFC 6749 2.3.1: both parts are form-urlencoded before joining.
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new OAuthError('invalid_client', 'the Basic credentials are not form-urlencoded');
  }
}

/**
 * The client-credentials grant as both token endpoints answer it (`/api/oauth/token` and OpenADR's
 * `/openadr3/3.1.0/auth/token`): credentials in the body or HTTP Basic, optional `scope`, RFC 6749 errors.
 */
export async function issueClientToken(
  clients: ClientCredentials,
  body: Record<string, unknown> | undefined,
  reply: FastifyReply,
  authorization: string | undefined,
): Promise<TokenResponse> {
  const params = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const grantType = field(params, 'grant_type');
  if (grantType === undefined) throw new OAuthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials')
    throw new OAuthError('unsupported_grant_type', 'only grant_type=client_credentials is supported');
  const bodyId = field(params, 'client_id');
  const bodySecret = field(params, 'client_secret');
  const scope = field(params, 'scope');
  let id: string | undefined;
  let secret: string | undefined;
  if (authorization !== undefined) {
    if (bodySecret !== undefined)
      throw new OAuthError(
        'invalid_request',
        'send the client credentials either in the Authorization header or in the body, not both',
      );
    ({ id, secret } = fromBasic(authorization));
  } else {
    id = bodyId;
    secret = bodySecret;
  }
  if (!id || !secret) throw new OAuthError('invalid_client', 'client_id and client_secret are required');
  const issued = await clients.issue(id, secret, scope);
  void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  return {
    access_token: issued.token,
    token_type: 'Bearer',
    expires_in: issued.expiresIn,
    ...(issued.scope !== undefined ? { scope: issued.scope } : {}),
  };
}

/** OAuth 2.0 token endpoint, client-credentials grant only; JSON or application/x-www-form-urlencoded bodies. */
@Controller('api/oauth')
@UseFilters(OAuthErrorsFilter)
@ApiTags('clients')
@ApiExtraModels(OAuthErrorDto)
export class OAuthTokenController {
  constructor(@Inject(CLIENT_CREDENTIALS) private readonly clients: ClientCredentials) {}

  @Post('token')
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({
    operationId: 'issueClientToken',
    summary: 'OAuth 2.0 client-credentials grant: an API client trades its id and secret for an access token',
    description:
      'The client authenticates with `client_id` and `client_secret` in the body or with HTTP Basic (`Authorization: Basic base64(client_id:client_secret)`), not both. ' +
      'Errors follow RFC 6749 section 5.2 (`{ error, error_description }`), not problem details, so OAuth client libraries understand them.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: TokenRequestDto })
  @ApiOkResponse({ type: TokenResponseDto })
  @oauthError(
    400,
    '`invalid_request` (missing or repeated parameter, credentials sent twice), `invalid_scope` or `unsupported_grant_type`',
  )
  @oauthError(401, '`invalid_client`: unknown, revoked or wrong credentials; carries `WWW-Authenticate: Basic`')
  @ApiProblems(413, 415)
  async token(
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('authorization') authorization?: string,
  ): Promise<TokenResponse> {
    return issueClientToken(this.clients, body, reply, authorization);
  }
}
