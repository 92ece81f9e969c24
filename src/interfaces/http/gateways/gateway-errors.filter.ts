import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GatewayError } from '../../../domain/gateways/gateway.errors.js';
import { WrongExpectedRevisionError } from '../../../application/ports/event-store.port.js';
import { GatewayCommandTimeoutError, GatewayOfflineError } from '../../gateway-link/gateway-commands.js';

const STATUS: Record<GatewayError['code'], HttpStatus> = {
  not_found: HttpStatus.NOT_FOUND,
  already_registered: HttpStatus.CONFLICT,
  decommissioned: HttpStatus.CONFLICT,
  invalid_registration: HttpStatus.BAD_REQUEST,
};

const LABEL: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.NOT_FOUND]: 'Not Found',
  [HttpStatus.CONFLICT]: 'Conflict',
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.GATEWAY_TIMEOUT]: 'Gateway Timeout',
};

/** Gateway domain errors and revision conflicts as HTTP answers, in Nest's usual error body shape. */
@Catch(GatewayError, WrongExpectedRevisionError, GatewayOfflineError, GatewayCommandTimeoutError)
export class GatewayErrorsFilter implements ExceptionFilter {
  catch(error: GatewayError | WrongExpectedRevisionError | GatewayOfflineError | GatewayCommandTimeoutError, host: ArgumentsHost): void {
    const status =
      error instanceof GatewayError
        ? STATUS[error.code]
        : error instanceof GatewayCommandTimeoutError
          ? HttpStatus.GATEWAY_TIMEOUT
          : HttpStatus.CONFLICT;
    const message =
      error instanceof WrongExpectedRevisionError ? 'the gateway was changed concurrently; read it again and retry' : error.message;
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(status)
      .send({ statusCode: status, error: LABEL[status], message });
  }
}
