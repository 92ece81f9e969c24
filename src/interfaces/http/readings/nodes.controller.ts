import { Controller, Get, NotFoundException, Param, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetNode, type NodeDetail } from '../../../application/metering/query-readings/nodes/get-node.query.js';
import { ListNodes, type NodePage } from '../../../application/metering/query-readings/nodes/list-nodes.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ReadingQueryErrorsFilter } from './reading-query-errors.filter.js';
import { NODE_ID_MAX, NodesRequestDto } from './readings.request.dto.js';

@Controller('api/nodes')
@UseGuards(AuthenticationGuard)
@UseFilters(ReadingQueryErrorsFilter, AccessErrorsFilter)
export class NodesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() request: NodesRequestDto): Promise<NodePage> {
    return this.queries.execute(
      new ListNodes(principal, {
        ...(request.gateway !== undefined ? { gatewayId: request.gateway } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }

  /**
   * Node ids hold `/` and `:` (`zigbee2mqtt:gw-1/kitchen plug`), so the rest of the path is the id, encoded or not. A
   * wildcard rather than `:id` also escapes the router's 100-character cap on a single parameter.
   */
  @Get('*')
  get(@CurrentPrincipal() principal: Principal, @Param('*') id: string): Promise<NodeDetail> {
    // An id that cannot exist is answered like any unknown one, without touching the database.
    if (id.length === 0 || id.length > NODE_ID_MAX) throw new NotFoundException(`node ${id.slice(0, 64)} does not exist`);
    return this.queries.execute(new GetNode(principal, id));
  }
}
