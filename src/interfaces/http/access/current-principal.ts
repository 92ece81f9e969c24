import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../../../domain/access/principal.js';

/** The authentication guard puts the resolved principal here; nothing else writes it. */
export interface AuthenticatedRequest extends FastifyRequest {
  principal?: Principal;
  /** Set for user access tokens: the login session they belong to. */
  sessionId?: string;
}

/** The request's principal, as resolved by the authentication guard; anonymous when none ran. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  return request.principal ?? { kind: 'anonymous' };
});
