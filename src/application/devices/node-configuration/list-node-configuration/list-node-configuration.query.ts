import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../../domain/access/principal.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../../ports/read-model-db.port.js';
import {
  selectNodeConfiguration,
  type NodeConfigurationRow,
} from '../../node-configuration-read-model/node-configuration.projection.js';

export class ListNodeConfiguration {
  constructor(
    readonly principal: Principal,
    readonly filter: { readonly gatewayId?: string; readonly nodeId?: string; readonly status?: string },
  ) {}
}

/** Desired vs applied configuration from the read model, narrowed to the gateways the principal owns. */
@QueryHandler(ListNodeConfiguration)
export class ListNodeConfigurationHandler implements IQueryHandler<
  ListNodeConfiguration,
  { items: NodeConfigurationRow[] }
> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, filter }: ListNodeConfiguration): Promise<{ items: NodeConfigurationRow[] }> {
    const scope = await this.policy.gatewayScope(principal);
    const owned = scope.kind === 'all' ? undefined : scope.gatewayIds;
    const gatewayIds =
      filter.gatewayId === undefined
        ? owned
        : owned === undefined || owned.includes(filter.gatewayId)
          ? [filter.gatewayId]
          : [];
    const items = await selectNodeConfiguration(this.db, {
      ...(gatewayIds !== undefined ? { gatewayIds } : {}),
      ...(filter.nodeId !== undefined ? { nodeId: filter.nodeId } : {}),
      ...(filter.status !== undefined ? { status: filter.status } : {}),
    });
    return { items };
  }
}
