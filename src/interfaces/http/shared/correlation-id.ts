import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

const HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's correlation id when it is well formed; anything else (absent, too long, odd characters) gets a new UUID. */
export function correlationIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
}

const fromRequest = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  correlationIdOf(context.switchToHttp().getRequest<FastifyRequest>().headers[HEADER]),
);

const documented = ApiHeader({
  name: HEADER,
  required: false,
  description: 'Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used',
  schema: { type: 'string', pattern: CORRELATION_ID.source },
});

/**
 * The correlation id stored with the events a request causes, read from `X-Correlation-Id`, and the header's
 * OpenAPI description: one decorator, so a route cannot read the header without documenting it.
 */
export function CorrelationId(): ParameterDecorator {
  return (target, key, index) => {
    fromRequest()(target, key, index);
    if (key === undefined) return;
    const method = Object.getOwnPropertyDescriptor(target, key);
    if (method) documented(target, key, method);
  };
}
