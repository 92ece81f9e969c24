import { randomUUID } from 'node:crypto';
import { NotFoundException } from '@nestjs/common';
import type { AccessCommandMetadata } from '../../../application/access/access-streams.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { ACCESS_LIMITS } from '../../../domain/access/text-limits.js';

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function accessMetadata(principal: Principal, correlationId: string | undefined): AccessCommandMetadata {
  return { actorId: actorIdOf(principal), correlationId: correlationId && CORRELATION_ID.test(correlationId) ? correlationId : randomUUID() };
}

/** An id that cannot exist is answered like any unknown one, without touching the store. */
export function pathId(kind: string, id: string): string {
  if (!ACCESS_LIMITS.idPattern.test(id)) throw new NotFoundException(`${kind} ${id.slice(0, 64)} does not exist`);
  return id;
}
