import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../../../application/access/access.errors.js';
import { InvalidCredentialsError, InvalidRefreshTokenError, LoginThrottledError } from '../../../application/access/authentication.errors.js';
import { WrongExpectedRevisionError } from '../../../application/ports/event-store.port.js';
import { AccessDomainError } from '../../../domain/access/access.errors.js';

const DOMAIN_STATUS: Record<AccessDomainError['code'], HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  already_exists: HttpStatus.CONFLICT,
  email_taken: HttpStatus.CONFLICT,
  disabled: HttpStatus.CONFLICT,
  revoked: HttpStatus.CONFLICT,
  invalid: HttpStatus.BAD_REQUEST,
  invalid_grant: HttpStatus.BAD_REQUEST,
  invalid_visibility: HttpStatus.BAD_REQUEST,
  grant_not_found: HttpStatus.NOT_FOUND,
  grant_not_active: HttpStatus.CONFLICT,
};

const LABEL: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.UNAUTHORIZED]: 'Unauthorized',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.TOO_MANY_REQUESTS]: 'Too Many Requests',
};

type Handled =
  | AccessDomainError
  | AdminRequiredError
  | NotAuthenticatedError
  | ObjectNotVisibleError
  | InvalidCredentialsError
  | InvalidRefreshTokenError
  | LoginThrottledError
  | WrongExpectedRevisionError;

function statusOf(error: Handled): HttpStatus {
  if (error instanceof AccessDomainError) return DOMAIN_STATUS[error.code];
  if (error instanceof AdminRequiredError) return HttpStatus.FORBIDDEN;
  if (error instanceof ObjectNotVisibleError) return HttpStatus.NOT_FOUND;
  if (error instanceof LoginThrottledError) return HttpStatus.TOO_MANY_REQUESTS;
  if (error instanceof WrongExpectedRevisionError) return HttpStatus.CONFLICT;
  return HttpStatus.UNAUTHORIZED;
}

/** Access errors as HTTP answers in Nest's usual error body; throttled logins say when to come back. */
@Catch(AccessDomainError, AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError, InvalidCredentialsError, InvalidRefreshTokenError, LoginThrottledError, WrongExpectedRevisionError)
export class AccessErrorsFilter implements ExceptionFilter {
  catch(error: Handled, host: ArgumentsHost): void {
    const status = statusOf(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof LoginThrottledError) void reply.header('retry-after', String(error.retryAfterSeconds));
    const message = error instanceof WrongExpectedRevisionError ? 'the record was changed concurrently; read it again and retry' : error.message;
    void reply.status(status).send({ statusCode: status, error: LABEL[status], message });
  }
}
