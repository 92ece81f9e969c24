import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../../../application/access/access.errors.js';
import { AccessDomainError } from '../../../domain/access/access.errors.js';

type AccessError = ObjectNotVisibleError | AdminRequiredError | NotAuthenticatedError | AccessDomainError;

const DOMAIN_STATUS: Record<AccessDomainError['code'], HttpStatus> = {
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
};

function statusOf(error: AccessError): HttpStatus {
  if (error instanceof ObjectNotVisibleError) return HttpStatus.NOT_FOUND;
  if (error instanceof AdminRequiredError) return HttpStatus.FORBIDDEN;
  if (error instanceof NotAuthenticatedError) return HttpStatus.UNAUTHORIZED;
  return DOMAIN_STATUS[error.code];
}

/** Access decisions as HTTP answers: what may not be seen is 404 like what does not exist; admin-only is 403. */
@Catch(ObjectNotVisibleError, AdminRequiredError, NotAuthenticatedError, AccessDomainError)
export class AccessErrorsFilter implements ExceptionFilter {
  catch(error: AccessError, host: ArgumentsHost): void {
    const status = statusOf(error);
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ statusCode: status, error: LABEL[status], message: error.message });
  }
}
