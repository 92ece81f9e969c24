import { Controller, Get, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ObjectNotVisibleError } from '../../../application/access/access.errors.js';
import { USER_SESSIONS, type UserSessions } from '../../../application/access/sessions/user-sessions.js';
import type { Principal } from '../../../domain/access/principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { accessIdParam, pathId } from './access-metadata.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal, type AuthenticatedRequest } from './current-principal.js';
import { RevokedSessionsDto, SessionListDto, type SessionViewDto } from './sessions.response.dto.js';

const SESSION_ID = /^[0-9a-f-]{36}$/;

/** A user's login sessions: the user themself or an admin lists and revokes them; to anyone else the user is not there. */
@Controller('api/users/:id/sessions')
@UseGuards(AuthenticationGuard)
@ApiTags('users')
@ApiBearer()
export class SessionsController {
  constructor(@Inject(USER_SESSIONS) private readonly sessions: UserSessions) {}

  @Get()
  @ApiOperation({ operationId: 'listUserSessions', summary: "A user's open login sessions (the user, or an admin)" })
  @accessIdParam('User id')
  @ApiOkResponse({ type: SessionListDto })
  @ApiProblems([404, 'No such user, or not the caller'])
  async list(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ): Promise<{ items: SessionViewDto[] }> {
    const items = await this.sessions.list(principal, pathId('user', id), request.sessionId);
    return {
      items: items.map((s) => ({
        sessionId: s.sessionId,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        lastRefreshedAt: s.lastRefreshedAt.toISOString(),
        current: s.current,
      })),
    };
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeAllUserSessions',
    summary: 'End every open login session of a user, the asking one too (the user, or an admin)',
  })
  @accessIdParam('User id')
  @ApiOkResponse({ type: RevokedSessionsDto })
  @ApiProblems([404, 'No such user, or not the caller'])
  async revokeAll(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<RevokedSessionsDto> {
    return { revoked: await this.sessions.revokeAll(principal, pathId('user', id)) };
  }

  @Post(':sessionId/revoke')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'revokeUserSession',
    summary: 'End one login session of a user (the user, or an admin); its tokens stop working on every node',
  })
  @accessIdParam('User id')
  @ApiParam({ name: 'sessionId', description: 'Session id', schema: { type: 'string', pattern: SESSION_ID.source } })
  @ApiNoContentResponse({ description: 'The session ended' })
  @ApiProblems([404, 'No such user or open session of that user, or not the caller'])
  async revoke(
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    if (!SESSION_ID.test(sessionId)) throw new ObjectNotVisibleError('session', sessionId.slice(0, 64));
    await this.sessions.revoke(principal, pathId('user', id), sessionId);
  }
}
