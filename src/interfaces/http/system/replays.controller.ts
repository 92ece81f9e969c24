import { BadRequestException, Body, Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { requireAdmin } from '../../../application/access/admin-check.js';
import { REPLAY_JOBS, type ReplayJobs, type ReplayView } from '../../../application/projections/replay-jobs.js';
import { actorIdOf, type Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { ReplayDto, ReplayListDto, StartReplayRequestDto } from './replays.dto.js';

/**
 * Rebuilds of read models started over HTTP (admin only), the same rebuild as `wattlog rebuild`: into shadow tables,
 * then swapped in, so queries keep answering meanwhile (ADR 0004). Progress is polled.
 */
@Controller('api/system/replays')
@UseGuards(AuthenticationGuard)
@ApiTags('operations')
@ApiBearer()
export class ReplaysController {
  constructor(@Inject(REPLAY_JOBS) private readonly replays: ReplayJobs) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'startReplay',
    summary: 'Rebuild a read model (or all) from the event log while queries keep answering (admin)',
  })
  @ApiBody({ type: StartReplayRequestDto })
  @ApiAcceptedResponse({ type: ReplayDto, description: 'Started; poll its progress' })
  @ApiProblems([400, 'Not a read model'], [409, 'A replay is already running on this node'], 413, 415)
  start(@Body() body: StartReplayRequestDto, @CurrentPrincipal() principal: Principal): ReplayView {
    requireAdmin(principal, 'starting a replay');
    const known = this.replays.names();
    if (body.projection !== 'all' && !known.includes(body.projection))
      throw new BadRequestException(`unknown read model "${body.projection}"; known: ${known.join(', ')}, all`);
    return this.replays.start(body.projection, actorIdOf(principal));
  }

  @Get()
  @ApiOperation({ operationId: 'listReplays', summary: "This node's latest replays, newest first (admin)" })
  @ApiOkResponse({ type: ReplayListDto })
  list(@CurrentPrincipal() principal: Principal): ReplayListDto {
    requireAdmin(principal, 'listing replays');
    return { items: this.replays.list(), readModels: this.replays.names() } as ReplayListDto;
  }

  @Get(':replayId')
  @ApiOperation({ operationId: 'getReplay', summary: "A replay's progress: events/s, ETA, done (admin)" })
  @ApiParam({ name: 'replayId', description: 'Replay id', schema: { type: 'string', maxLength: 64 } })
  @ApiOkResponse({ type: ReplayDto })
  @ApiProblems(404)
  get(@Param('replayId') replayId: string, @CurrentPrincipal() principal: Principal): ReplayView {
    requireAdmin(principal, 'following a replay');
    return this.replays.get(replayId);
  }
}
