import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AdminRequiredError, NotAuthenticatedError, ObjectNotVisibleError } from '../../../application/access/access.errors.js';
import { ControlError } from '../../../domain/control/actuator-command.errors.js';
import { NodeConfigurationError } from '../../../domain/devices/node-configuration.errors.js';

const STATUS: Record<ControlError['code'], HttpStatus> = {
  not_switchable: HttpStatus.UNPROCESSABLE_ENTITY,
  actuator_busy: HttpStatus.CONFLICT,
  invalid_command: HttpStatus.BAD_REQUEST,
  command_not_found: HttpStatus.NOT_FOUND,
};

const LABEL: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.UNAUTHORIZED]: 'Unauthorized',
  [HttpStatus.FORBIDDEN]: 'Forbidden',
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.UNPROCESSABLE_ENTITY]: 'Unprocessable Entity',
};

function statusOf(error: Error): HttpStatus {
  if (error instanceof ControlError) return STATUS[error.code];
  if (error instanceof NodeConfigurationError) return error.code === 'invalid_configuration' ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND;
  if (error instanceof ObjectNotVisibleError) return HttpStatus.NOT_FOUND;
  if (error instanceof AdminRequiredError) return HttpStatus.FORBIDDEN;
  return HttpStatus.UNAUTHORIZED;
}

/** Control, node configuration and access errors as HTTP answers, in Nest's usual error body shape. */
@Catch(ControlError, NodeConfigurationError, ObjectNotVisibleError, AdminRequiredError, NotAuthenticatedError)
export class ControlErrorsFilter implements ExceptionFilter {
  catch(error: ControlError | NodeConfigurationError | ObjectNotVisibleError | AdminRequiredError | NotAuthenticatedError, host: ArgumentsHost): void {
    const status = statusOf(error);
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ statusCode: status, error: LABEL[status], message: error.message });
  }
}
