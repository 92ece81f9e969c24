import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { problemOf } from '../problems/problem.filter.js';
import { PROBLEM_MEDIA_TYPE, statusTitle, type Problem } from '../problems/problem.js';
import { securityHeaders } from '../security/security-headers.js';

/** How long a client may take to send its headers, and its whole request; Node's defaults are 60 s and 300 s. */
export interface RequestTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
}

export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
};

/** After its error answer, a connection whose parser gave up is closed; a client that does not close it is cut off. */
const LINGER_MS = 2_000;

function clientErrorProblem(code: string | undefined): Problem {
  const [status, detail] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'the request line and headers are larger than the server accepts (64 KiB)']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'the request was not received in time']
        : [400, 'the request is not valid HTTP/1.1'];
  return {
    type: 'about:blank',
    title: statusTitle(status),
    status,
    detail,
    instance: '/',
  };
}

/**
 * Node's `clientError`: bytes its parser refuses, headers over the limit, a client too slow to finish its headers.
 * No request exists yet, so the answer is written on the socket by hand, as problem+json with the security headers.
 * The socket is half-closed rather than destroyed at once, so a client still sending reads the answer, not a reset.
 */
function answerClientError(https: boolean) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && inFlight?.headersSent !== true) {
      const problem = clientErrorProblem(error.code);
      const body = JSON.stringify(problem);
      const head = [
        `HTTP/1.1 ${problem.status} ${problem.title}`,
        `content-type: ${PROBLEM_MEDIA_TYPE}`,
        `content-length: ${Buffer.byteLength(body)}`,
        'connection: close',
        ...securityHeaders('/', https).map(([name, value]) => `${name}: ${value}`),
      ];
      socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
      return;
    }
    socket.destroy();
  };
}

/** The router's own refusals (a path segment that is not UTF-8, a path parameter over its length), as problems. */
export function answerFrameworkError(https: boolean) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const { problem, headers } = problemOf(error, request);
    void reply
      .status(problem.status)
      .headers(Object.fromEntries(securityHeaders('/', https)))
      .headers(headers)
      .header('content-type', PROBLEM_MEDIA_TYPE)
      .send(JSON.stringify(problem));
  };
}

/**
 * Fastify and Node server options that put the framework's own errors through the problem formatter and keep slow
 * clients from holding sockets: headers within `headersMs`, the whole request within `requestMs` (checked every
 * second; Node checks every 30 s by default). Streams and long polls are not cut: the timeouts end once the request
 * has arrived.
 */
export function serverBoundaryOptions(
  https: boolean,
  maxHeaderSize: number,
  timeouts: RequestTimeouts = DEFAULT_REQUEST_TIMEOUTS,
) {
  const node = {
    maxHeaderSize,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: 1_000,
  };
  return {
    node,
    fastify: {
      requestTimeout: timeouts.requestMs,
      frameworkErrors: answerFrameworkError(https),
      clientErrorHandler: answerClientError(https),
    },
  };
}
