import { NotFoundException } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { CommandMetadata } from '../../../application/shared/command-metadata.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { ACCESS_LIMITS } from '../../../domain/access/text-limits.js';

export function accessMetadata(principal: Principal, correlationId: string): CommandMetadata {
  return { actorId: actorIdOf(principal), correlationId };
}

/** A `:id` path parameter of the access context (users, API clients). */
export const accessIdParam = (description: string): MethodDecorator =>
  ApiParam({ name: 'id', description, schema: { type: 'string', pattern: ACCESS_LIMITS.idPattern.source } });

/** An id that cannot exist is answered like any unknown one, without touching the store. */
export function pathId(kind: string, id: string): string {
  if (!ACCESS_LIMITS.idPattern.test(id)) throw new NotFoundException(`${kind} ${id.slice(0, 64)} does not exist`);
  return id;
}
