import { Controller, Get, NotFoundException, Param, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { NodeDetailDto, NodePageDto } from '../metering/readings.response.dto.js';
import { GetNode, type NodeDetail } from '../../../application/devices/get-node/get-node.query.js';
import { ListNodes, type NodePage } from '../../../application/devices/list-nodes/list-nodes.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { NODE_ID_MAX, NodesRequestDto } from '../metering/readings.request.dto.js';

@Controller('api/nodes')
@UseGuards(AuthenticationGuard)
@ApiTags('nodes')
@ApiBearer()
export class NodesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listNodes', summary: 'Devices and meters the gateways reported, in id order' })
  @ApiOkResponse({ type: NodePageDto })
  @ApiProblems(400)
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
  @ApiOperation({ operationId: 'getNode', summary: 'One node with its sensors' })
  @ApiParam({
    name: 'nodeId',
    description: 'The node id; it may hold `/` and `:`, encoded or not (`zigbee2mqtt:gw-1/kitchen plug`)',
    schema: { type: 'string', maxLength: NODE_ID_MAX },
  })
  @ApiOkResponse({ type: NodeDetailDto })
  @ApiProblems(404)
  get(@CurrentPrincipal() principal: Principal, @Param('*') id: string): Promise<NodeDetail> {
    // An id that cannot exist is answered like any unknown one, without touching the database.
    if (id.length === 0 || id.length > NODE_ID_MAX)
      throw new NotFoundException(`node ${id.slice(0, 64)} does not exist`);
    return this.queries.execute(new GetNode(principal, id));
  }
}
