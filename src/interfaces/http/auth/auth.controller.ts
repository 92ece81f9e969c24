import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { InvalidCredentialsError } from '../../../application/access/authentication.errors.js';
import { AUTHENTICATION_SERVICE, type AuthenticationService, type TokenPair } from '../../../application/access/login/authentication.service.js';
import type { Principal } from '../../../domain/access/principal.js';
import { PASSWORD_LOGIN } from '../runtime.tokens.js';
import { ChangePasswordRequestDto, LoginRequestDto, RefreshRequestDto } from './auth.request.dto.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal, type AuthenticatedRequest } from './current-principal.js';
import type { PasswordLogin } from './password-login.js';

function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

@Controller('api')
export class AuthController {
  constructor(
    @Inject(PASSWORD_LOGIN) private readonly passwordLogin: PasswordLogin,
    @Inject(AUTHENTICATION_SERVICE) private readonly authentication: AuthenticationService,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() body: LoginRequestDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    noStore(reply);
    return this.passwordLogin.login(body.email, body.password, request.ip);
  }

  /** Rotates: the presented refresh token is used up, and presenting it again ends the whole session. */
  @Post('auth/refresh')
  @HttpCode(200)
  async refresh(@Body() body: RefreshRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TokenPair> {
    noStore(reply);
    return this.authentication.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @UseGuards(AuthenticationGuard)
  async logout(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Promise<void> {
    if (principal.kind !== 'user' || request.sessionId === undefined) throw new BadRequestException('only a user login session can log out; the bootstrap admin token and client tokens have no session');
    await this.authentication.endSession(principal.userId, request.sessionId, 'logout');
  }

  @Post('auth/password')
  @HttpCode(204)
  @UseGuards(AuthenticationGuard)
  async changePassword(
    @Body() body: ChangePasswordRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ): Promise<void> {
    if (principal.kind !== 'user' || request.sessionId === undefined) {
      throw new BadRequestException('only a logged-in user can change their password');
    }
    try {
      await this.authentication.changePassword(principal.userId, request.sessionId, body.currentPassword, body.newPassword, request.ip);
    } catch (error) {
      // Not 401: the token is fine, only the password it was asked to confirm is not.
      if (error instanceof InvalidCredentialsError) throw new BadRequestException('the current password is wrong');
      throw error;
    }
  }

  @Get('me')
  @UseGuards(AuthenticationGuard)
  me(@CurrentPrincipal() principal: Principal, @Req() request: AuthenticatedRequest): Principal & { sessionId?: string } {
    return { ...principal, ...(request.sessionId !== undefined ? { sessionId: request.sessionId } : {}) };
  }
}
