import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ReadingQueryError } from '../../../application/metering/query-readings/reading-query.errors.js';

const ANSWER: Record<ReadingQueryError['code'], readonly [HttpStatus, string]> = {
  invalid_query: [HttpStatus.BAD_REQUEST, 'Bad Request'],
  not_found: [HttpStatus.NOT_FOUND, 'Not Found'],
  unavailable: [HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable'],
};

/** Readings query errors as HTTP answers, in Nest's usual error body shape. */
@Catch(ReadingQueryError)
export class ReadingQueryErrorsFilter implements ExceptionFilter {
  catch(error: ReadingQueryError, host: ArgumentsHost): void {
    const [status, label] = ANSWER[error.code];
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send({ statusCode: status, error: label, message: error.message });
  }
}
