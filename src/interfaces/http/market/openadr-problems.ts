import { Catch, type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from '../problems/problem.filter.js';

/**
 * Errors of the OpenADR endpoints as the spec's `problem` (type, title, status, detail): the same mapping as the
 * rest of the API, without the relative `instance` (the spec wants an absolute URI there) and with
 * `WWW-Authenticate: Bearer` on every 401 (RFC 6750), which OpenADR clients expect.
 */
@Catch()
export class OpenAdrProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('openadr');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const { problem, headers } = problemOf(error, request);
    if (problem.status >= 500) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`${request?.method ?? '?'} ${problem.instance} failed: ${failure.message}`, failure.stack);
    }
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    const { type, title, status, detail } = problem;
    const body = {
      type,
      title,
      status,
      detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
    };
    void reply
      .status(status)
      .headers(headers)
      .headers(status === 401 ? { 'www-authenticate': 'Bearer realm="wattlog"' } : {})
      .header('content-type', 'application/problem+json')
      .send(JSON.stringify(body));
  }
}
