import { randomUUID } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import type { CommandMetadata } from '../../../application/shared/command-metadata.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { ACCESS_LIMITS } from '../../../domain/access/text-limits.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function accessMetadata(principal: Principal, correlationId: string | undefined): CommandMetadata {
  return { actorId: actorIdOf(principal), correlationId: correlationId && CORRELATION_ID.test(correlationId) ? correlationId : randomUUID() };
}

/** The optional correlation header the access commands read. */
export const CORRELATION_HEADER = ApiHeader({
  name: 'x-correlation-id',
  required: false,
  description: 'Stored with the events this request causes; 1–100 of `A-Za-z0-9._:-`, else a new UUID is used',
  schema: { type: 'string', pattern: CORRELATION_ID.source },
});

/** A `:id` path parameter of the access context (users, API clients). */
export const accessIdParam = (description: string): MethodDecorator => ApiParam({ name: 'id', description, schema: { type: 'string', pattern: ACCESS_LIMITS.idPattern.source } });

/** An id that cannot exist is answered like any unknown one, without touching the store. */
export function pathId(kind: string, id: string): string {
  if (!ACCESS_LIMITS.idPattern.test(id)) throw new NotFoundException(`${kind} ${id.slice(0, 64)} does not exist`);
  return id;
}
