import { NotFoundException } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { CommandMetadata } from '../../../application/shared/command-metadata.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { GATEWAY_LIMITS } from '../../../domain/gateways/gateway.validation.js';

export function metadata(principal: Principal, correlationId: string): CommandMetadata {
  return { actorId: actorIdOf(principal), correlationId, principal };
}

/** An id that cannot exist is answered like any unknown one, without touching the store. */
export function gatewayId(id: string): string {
  if (!GATEWAY_LIMITS.idPattern.test(id)) throw new NotFoundException(`gateway ${id.slice(0, 64)} does not exist`);
  return id;
}

/** The `:id` path parameter of the gateway routes. */
export const GATEWAY_ID = ApiParam({
  name: 'id',
  description: 'Gateway id',
  schema: { type: 'string', pattern: GATEWAY_LIMITS.idPattern.source },
});
