import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PRINCIPAL_ADMISSION, type PrincipalAdmission } from '../rate-limit/rate-limit.js';
import { REQUEST_AUTHENTICATOR } from '../runtime.tokens.js';
import type { AuthenticatedRequest } from './current-principal.js';
import type { RequestAuthenticator } from './request-authenticator.js';

/**
 * The one authentication guard: resolves the bearer credentials into `request.principal` or answers 401, then spends
 * the principal's rate-limit token (429 when none is left). What the principal may do is decided by the handlers
 * through the access policy, never here.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator,
    @Inject(PRINCIPAL_ADMISSION) private readonly admission: PrincipalAdmission,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const resolved = await this.authenticator.resolve(request.headers.authorization);
    request.principal = resolved.principal;
    if (resolved.sessionId !== undefined) request.sessionId = resolved.sessionId;
    await this.admission.admit(request, http.getResponse<FastifyReply>());
    return true;
  }
}
