import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mappingFor } from './error-status.table.js';
import { frameworkErrorDetail } from './framework-errors.js';
import {
  PROBLEM_MEDIA_TYPE,
  PROBLEM_TYPES,
  ProblemError,
  RequestValidationError,
  statusTitle,
  type Problem,
} from './problem.js';

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly detail: string;
  readonly errors?: Problem['errors'];
  readonly errorCount?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Field violations listed in one answer; `errorCount` says how many there were. */
export const MAX_LISTED_ERRORS = 20;

const INTERNAL_DETAIL = 'the server could not answer this request; the error has been logged';

/** Fastify's own errors (body parsing, body limit, media type) carry an `FST_…` code and their status. */
function isFastifyError(error: unknown): error is Error & { code: string; statusCode: number } {
  return (
    error instanceof Error &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function answerFor(error: unknown): Answer {
  if (error instanceof RequestValidationError) {
    // A list is capped: a body of 50,000 unknown members must not be answered with 50,000 entries.
    const errors = error.violations.slice(0, MAX_LISTED_ERRORS);
    return {
      status: 400,
      type: PROBLEM_TYPES.validation,
      detail: error.message,
      errors,
      ...(errors.length < error.violations.length ? { errorCount: error.violations.length } : {}),
    };
  }
  if (error instanceof ProblemError)
    return { status: error.status, type: error.type, detail: error.message, headers: error.headers };
  const mapping = mappingFor(error);
  if (mapping && error instanceof Error) {
    return {
      status: mapping.status(error),
      type: mapping.type ?? 'about:blank',
      detail: mapping.detail?.(error) ?? error.message,
      ...(mapping.headers ? { headers: mapping.headers(error) } : {}),
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return { status: error.getStatus(), type: 'about:blank', detail: httpExceptionDetail(error) };
  }
  if (isFastifyError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, type: 'about:blank', detail: frameworkErrorDetail(error) };
  }
  return { status: 500, type: PROBLEM_TYPES.internal, detail: INTERNAL_DETAIL };
}

/** Path only: query strings may hold ids the caller typed, and the instance is for correlating, not replaying. */
function instanceOf(request: FastifyRequest | undefined): string {
  const url = request?.url ?? '/';
  const path = url.split('?', 1)[0] ?? '/';
  return path.length > 512 ? path.slice(0, 512) : path;
}

export function problemOf(
  error: unknown,
  request: FastifyRequest | undefined,
): { problem: Problem; headers: Readonly<Record<string, string>> } {
  const answer = answerFor(error);
  const problem: Problem = {
    type: answer.type,
    title: statusTitle(answer.status),
    status: answer.status,
    detail: answer.detail,
    instance: instanceOf(request),
    ...(answer.errors ? { errors: answer.errors } : {}),
    ...(answer.errorCount !== undefined ? { errorCount: answer.errorCount } : {}),
  };
  return { problem, headers: answer.headers ?? {} };
}

/**
 * The API's single error mapping: every exception — domain and application errors (via ERROR_STATUS_TABLE), Nest
 * HTTP exceptions, Fastify's parser and limit errors, anything unexpected — leaves as application/problem+json.
 * Unexpected errors are logged with their stack and answered without it.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const { problem, headers } = problemOf(error, request);
    if (problem.status >= 500) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.logger.error(
        `${request?.method ?? '?'} ${problem.instance} failed with ${problem.status}: ${failure.message}`,
        failure.stack,
      );
    }
    // A streamed answer that fails after its head went out can only be cut off.
    if (reply.sent || reply.raw.headersSent) {
      reply.raw.destroy();
      return;
    }
    void reply
      .status(problem.status)
      .headers(headers)
      .header('content-type', PROBLEM_MEDIA_TYPE)
      .send(JSON.stringify(problem));
  }
}
