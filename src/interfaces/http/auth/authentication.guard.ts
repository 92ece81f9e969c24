import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { REQUEST_AUTHENTICATOR } from '../runtime.tokens.js';
import type { AuthenticatedRequest } from './current-principal.js';
import type { RequestAuthenticator } from './request-authenticator.js';

/**
 * The one authentication guard: resolves the bearer credentials into `request.principal` or answers 401. What the
 * principal may do is decided by the handlers through the access policy, never here.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(@Inject(REQUEST_AUTHENTICATOR) private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const resolved = await this.authenticator.resolve(request.headers.authorization);
    request.principal = resolved.principal;
    if (resolved.sessionId !== undefined) request.sessionId = resolved.sessionId;
    return true;
  }
}
