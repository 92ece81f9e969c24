import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  InvalidCredentialsError,
  InvalidRefreshTokenError,
} from '../../../application/access/authentication.errors.js';
import {
  AUTHENTICATION_SERVICE,
  type AuthenticationService,
  type TokenPair,
} from '../../../application/access/login/authentication.service.js';
import type { Principal } from '../../../domain/access/principal.js';
import { ApiBearer, ApiProblems, ApiPublic } from '../openapi/api-docs.decorators.js';
import { PASSWORD_LOGIN } from '../runtime.tokens.js';
import { ChangePasswordRequestDto, LoginRequestDto, RefreshRequestDto } from './auth.request.dto.js';
import { CurrentPrincipalDto, TokenPairDto } from './auth.response.dto.js';
import { AuthenticationGuard } from './authentication.guard.js';
import {
  assertSameSite,
  clearRefreshCookie,
  isBrowserCaller,
  refreshCookieOf,
  setRefreshCookie,
} from './refresh-cookie.js';
import { CurrentPrincipal, type AuthenticatedRequest } from './current-principal.js';
import type { PasswordLogin } from './password-login.js';

function noStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
}

/** What a caller gets back: browser callers find the refresh token in the HttpOnly cookie instead of the body. */
type IssuedTokens = Omit<TokenPair, 'refreshToken'> & { refreshToken?: string };

function answer(pair: TokenPair, request: FastifyRequest, reply: FastifyReply): IssuedTokens {
  if (!isBrowserCaller(request)) return pair;
  setRefreshCookie(reply, pair.refreshToken);
  const { refreshToken: _inCookie, ...rest } = pair;
  return rest;
}

const BROWSER_NOTE =
  'Browser callers send `X-Requested-With: fetch`: the refresh token then comes as an HttpOnly, Secure, SameSite=Strict cookie on `/api/auth`, not in the body.';

@Controller('api')
@ApiTags('auth')
export class AuthController {
  constructor(
    @Inject(PASSWORD_LOGIN) private readonly passwordLogin: PasswordLogin,
    @Inject(AUTHENTICATION_SERVICE) private readonly authentication: AuthenticationService,
  ) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({
    operationId: 'login',
    summary: 'Log in with email and password; answers an access and a refresh token',
    description: BROWSER_NOTE,
  })
  @ApiBody({ type: LoginRequestDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, [401, 'Wrong email or password, or the user is disabled'], 413, 415)
  async login(
    @Body() body: LoginRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedTokens> {
    noStore(reply);
    return answer(await this.passwordLogin.login(body.email, body.password, request.ip), request, reply);
  }

  /** Rotates: the presented refresh token is used up, and presenting it again ends the whole session. */
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({
    operationId: 'refreshSession',
    summary: 'Trade a refresh token for a new token pair (the old one is used up)',
    description: `The token comes in the body, or, for a browser, in the refresh cookie (then \`X-Requested-With: fetch\` is required and cross-site requests are refused). ${BROWSER_NOTE}`,
  })
  @ApiBody({ type: RefreshRequestDto, required: false })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiNoContentResponse({ description: 'A browser refresh without a refresh cookie: there is no session to continue' })
  @ApiProblems(
    400,
    [401, 'Unknown, used or expired refresh token; a reused one ends the session'],
    [403, 'A cookie refresh without the browser header, or from another site'],
    413,
    415,
  )
  async refresh(
    // The class itself, not `RefreshRequestDto | undefined`: a union is emitted as Object, and the validation pipe
    // then lets a refreshToken of any type through. An absent body is validated as an empty one.
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IssuedTokens | undefined> {
    noStore(reply);
    if (body.refreshToken !== undefined)
      return answer(await this.authentication.refresh(body.refreshToken), request, reply);
    const cookie = refreshCookieOf(request);
    if (cookie === undefined && !isBrowserCaller(request)) throw new BadRequestException('refreshToken is required');
    assertSameSite(request);
    // No cookie: this browser has no session (a first visit), which is not an error; the page shows its login.
    if (cookie === undefined) {
      await reply.code(204).send();
      return undefined;
    }
    try {
      return answer(await this.authentication.refresh(cookie), request, reply);
    } catch (error) {
      // A cookie that no longer works is only noise on every later call.
      if (error instanceof InvalidRefreshTokenError) clearRefreshCookie(reply);
      throw error;
    }
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearer()
  @ApiOperation({ operationId: 'logout', summary: 'End the login session of the presented token' })
  @ApiNoContentResponse({ description: 'The session ended; its tokens stop working' })
  @ApiProblems([400, 'The token belongs to no login session (bootstrap admin token, client token)'])
  @UseGuards(AuthenticationGuard)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (refreshCookieOf(request) !== undefined) clearRefreshCookie(reply);
    if (principal.kind !== 'user' || request.sessionId === undefined)
      throw new BadRequestException(
        'only a user login session can log out; the bootstrap admin token and client tokens have no session',
      );
    await this.authentication.endSession(principal.userId, request.sessionId, 'logout');
  }

  @Post('auth/password')
  @HttpCode(204)
  @ApiBearer()
  @ApiOperation({ operationId: 'changePassword', summary: "Change the logged-in user's password; other sessions end" })
  @ApiBody({ type: ChangePasswordRequestDto })
  @ApiNoContentResponse({ description: 'The password changed' })
  @ApiProblems([400, 'Wrong current password, a new password the policy refuses, or no login session'], 413, 415)
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
      await this.authentication.changePassword(
        principal.userId,
        request.sessionId,
        body.currentPassword,
        body.newPassword,
        request.ip,
      );
    } catch (error) {
      // Not 401: the token is fine, only the password it was asked to confirm is not.
      if (error instanceof InvalidCredentialsError) throw new BadRequestException('the current password is wrong');
      throw error;
    }
  }

  @Get('me')
  @ApiBearer()
  @ApiOperation({ operationId: 'getCurrentPrincipal', summary: 'Who the presented token speaks for' })
  @ApiOkResponse({ type: CurrentPrincipalDto })
  @UseGuards(AuthenticationGuard)
  me(
    @CurrentPrincipal() principal: Principal,
    @Req() request: AuthenticatedRequest,
  ): Principal & { sessionId?: string } {
    return { ...principal, ...(request.sessionId !== undefined ? { sessionId: request.sessionId } : {}) };
  }
}
