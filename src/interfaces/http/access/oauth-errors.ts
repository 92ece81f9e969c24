import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  InvalidClientError,
  InvalidScopeError,
} from '../../../application/access/client-credentials/client-credentials.service.js';

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_scope' | 'unsupported_grant_type';

/** A token-endpoint failure in the shape of RFC 6749 section 5.2. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

@Catch(OAuthError, InvalidClientError, InvalidScopeError)
export class OAuthErrorsFilter implements ExceptionFilter {
  catch(error: OAuthError | InvalidClientError | InvalidScopeError, host: ArgumentsHost): void {
    const oauth =
      error instanceof OAuthError
        ? error
        : new OAuthError(error instanceof InvalidScopeError ? 'invalid_scope' : 'invalid_client', error.message);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    if (oauth.code === 'invalid_client')
      void reply.header('www-authenticate', 'Basic realm="wattlog", charset="UTF-8"');
    void reply
      .status(oauth.code === 'invalid_client' ? 401 : 400)
      .send({ error: oauth.code, error_description: oauth.description });
  }
}
