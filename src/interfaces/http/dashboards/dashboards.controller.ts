import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  ChangeDashboard,
  type ChangedDashboard,
  type DashboardChange,
} from '../../../application/dashboards/change-dashboard/change-dashboard.command.js';
import { CreateDashboard } from '../../../application/dashboards/create-dashboard/create-dashboard.command.js';
import type {
  DashboardPage,
  DashboardPreview,
  DashboardVersionPage,
  DashboardView,
} from '../../../application/dashboards/dashboard-view.js';
import { DuplicateDashboard } from '../../../application/dashboards/duplicate-dashboard/duplicate-dashboard.command.js';
import {
  GetDashboard,
  GetDashboardVersion,
  ListDashboards,
  ListDashboardVersions,
} from '../../../application/dashboards/query-dashboards/dashboard.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { DashboardNotFoundError } from '../../../domain/dashboards/dashboard.errors.js';
import type { RelativeRange, TileSpec, TimeRange } from '../../../domain/dashboards/dashboard.events.js';
import { DASHBOARD_LIMITS } from '../../../domain/dashboards/dashboard.validation.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  CreateDashboardRequestDto,
  DuplicateDashboardRequestDto,
  ExpectedVersionQueryDto,
  RenameDashboardRequestDto,
  TileChangeRequestDto,
  TimeRangeChangeRequestDto,
  VersionedRequestDto,
  type TileRequestDto,
  type TimeRangeRequestDto,
} from './dashboards.request.dto.js';
import {
  DashboardDto,
  DashboardPageDto,
  DashboardPreviewDto,
  DashboardVersionPageDto,
} from './dashboards.response.dto.js';

const DASHBOARD_ID = ApiParam({ name: 'id', schema: { type: 'string', maxLength: 64 } });
const VERSION = ApiParam({ name: 'version', schema: { type: 'integer', minimum: 0 } });
const TILE_ID = ApiParam({ name: 'tileId', schema: { type: 'string', maxLength: 64 } });
const VERSION_PATTERN = /^\d{1,9}$/;
const EDIT_PROBLEMS = [
  [400, 'The request is invalid: `errors` or `detail` names each problem (limits on tiles, series, name length)'],
  [
    404,
    "The dashboard does not exist, is deleted, or is not the caller's; or a tile names a sensor the caller may not use",
  ],
  [409, 'The dashboard is no longer at `expectedVersion`: read it again and retry'],
  413,
  415,
] as const;

/** An unknown id and someone else's dashboard answer alike; an id that cannot be one is not looked up. */
function dashboardId(id: string): string {
  if (!DASHBOARD_LIMITS.idPattern.test(id)) throw new DashboardNotFoundError(id.slice(0, 64));
  return id;
}

function versionOf(value: string): number {
  if (!VERSION_PATTERN.test(value)) throw new BadRequestException('version must be a whole number from 0');
  return Number(value);
}

function timeRangeOf(dto: TimeRangeRequestDto): TimeRange {
  return dto.kind === 'relative'
    ? { kind: 'relative', last: dto.last as RelativeRange }
    : { kind: 'absolute', from: dto.from ?? '', to: dto.to ?? '' };
}

/** Only the fields the client sent: the decider refuses those a kind does not have. */
function tileSpecOf(dto: TileRequestDto): TileSpec {
  const spec: Record<string, unknown> = { kind: dto.kind, title: dto.title };
  if (dto.sensorIds !== undefined) spec.sensorIds = dto.sensorIds;
  if (dto.sensorId !== undefined) spec.sensorId = dto.sensorId;
  if (dto.min !== undefined) spec.min = dto.min;
  if (dto.max !== undefined) spec.max = dto.max;
  if (dto.timeRange !== undefined) spec.timeRange = timeRangeOf(dto.timeRange);
  return spec as unknown as TileSpec;
}

@Controller('api/dashboards')
@UseGuards(AuthenticationGuard)
@ApiTags('dashboards')
@ApiBearer()
export class DashboardsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async change(
    principal: Principal,
    id: string,
    expectedVersion: number,
    change: DashboardChange,
    correlationId: string,
  ): Promise<DashboardView | null> {
    const result = await this.commands.execute<ChangeDashboard, ChangedDashboard>(
      new ChangeDashboard(principal, dashboardId(id), expectedVersion, change, this.clock.now(), correlationId),
    );
    return result.view;
  }

  @Get()
  @ApiOperation({ operationId: 'listDashboards', summary: "The caller's own dashboards with their current content" })
  @ApiOkResponse({ type: DashboardPageDto })
  list(@CurrentPrincipal() principal: Principal): Promise<DashboardPage> {
    return this.queries.execute(new ListDashboards(principal));
  }

  @Post()
  @ApiOperation({ operationId: 'createDashboard', summary: "A new, empty dashboard of the caller's (version 0)" })
  @ApiCreatedResponse({ type: DashboardDto })
  @ApiProblems(400, 413, 415)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateDashboardRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView> {
    return this.commands.execute(new CreateDashboard(principal, body.name, this.clock.now(), correlationId));
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getDashboard', summary: "One of the caller's dashboards at its newest version" })
  @DASHBOARD_ID
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems([404, "The dashboard does not exist, is deleted, or is not the caller's"])
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DashboardView> {
    return this.queries.execute(new GetDashboard(principal, dashboardId(id)));
  }

  @Put(':id/name')
  @ApiOperation({ operationId: 'renameDashboard', summary: 'Rename a dashboard' })
  @DASHBOARD_ID
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(...EDIT_PROBLEMS)
  async rename(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: RenameDashboardRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(principal, id, body.expectedVersion, { kind: 'rename', name: body.name }, correlationId);
  }

  @Post(':id/duplicate')
  @ApiOperation({
    operationId: 'duplicateDashboard',
    summary: 'A new dashboard with the content of this one, at its newest or an earlier version',
  })
  @DASHBOARD_ID
  @ApiCreatedResponse({ type: DashboardDto })
  @ApiProblems(400, [404, "The dashboard or version does not exist, or is not the caller's"], 413, 415)
  duplicate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: DuplicateDashboardRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView> {
    return this.commands.execute(
      new DuplicateDashboard(principal, dashboardId(id), body.version, body.name, this.clock.now(), correlationId),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteDashboard',
    summary: 'Delete a dashboard; its events stay in the log',
  })
  @DASHBOARD_ID
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(...EDIT_PROBLEMS)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: ExpectedVersionQueryDto,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.change(principal, id, query.expectedVersion, { kind: 'delete' }, correlationId);
  }

  @Post(':id/tiles')
  @ApiOperation({ operationId: 'addDashboardTile', summary: 'Add a tile at the end of the grid' })
  @DASHBOARD_ID
  @ApiCreatedResponse({ type: DashboardDto, description: 'The dashboard; the new tile is the last' })
  @ApiProblems(...EDIT_PROBLEMS)
  addTile(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: TileChangeRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(
      principal,
      id,
      body.expectedVersion,
      { kind: 'add-tile', tile: tileSpecOf(body.tile) },
      correlationId,
    );
  }

  @Put(':id/tiles/:tileId')
  @ApiOperation({ operationId: 'changeDashboardTile', summary: "Replace a tile's spec; it keeps its place" })
  @DASHBOARD_ID
  @TILE_ID
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(...EDIT_PROBLEMS)
  changeTile(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('tileId') tileId: string,
    @Body() body: TileChangeRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(
      principal,
      id,
      body.expectedVersion,
      { kind: 'change-tile', tileId: tileId.slice(0, 64), tile: tileSpecOf(body.tile) },
      correlationId,
    );
  }

  @Delete(':id/tiles/:tileId')
  @ApiOperation({ operationId: 'removeDashboardTile', summary: 'Remove a tile' })
  @DASHBOARD_ID
  @TILE_ID
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(...EDIT_PROBLEMS)
  removeTile(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('tileId') tileId: string,
    @Query() query: ExpectedVersionQueryDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(
      principal,
      id,
      query.expectedVersion,
      { kind: 'remove-tile', tileId: tileId.slice(0, 64) },
      correlationId,
    );
  }

  @Put(':id/time-range')
  @ApiOperation({
    operationId: 'setDashboardTimeRange',
    summary: 'Set the range every tile shows unless it has its own',
  })
  @DASHBOARD_ID
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(...EDIT_PROBLEMS)
  setTimeRange(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: TimeRangeChangeRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(
      principal,
      id,
      body.expectedVersion,
      { kind: 'time-range', timeRange: timeRangeOf(body.timeRange) },
      correlationId,
    );
  }

  @Get(':id/versions')
  @ApiOperation({
    operationId: 'listDashboardVersions',
    summary: 'Every version: who, when, what changed; newest first',
  })
  @DASHBOARD_ID
  @ApiOkResponse({ type: DashboardVersionPageDto })
  @ApiProblems([404, "The dashboard does not exist, is deleted, or is not the caller's"])
  versions(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<DashboardVersionPage> {
    return this.queries.execute(new ListDashboardVersions(principal, dashboardId(id)));
  }

  @Get(':id/versions/:version')
  @ApiOperation({ operationId: 'getDashboardVersion', summary: 'The dashboard as it was at a version (a preview)' })
  @DASHBOARD_ID
  @VERSION
  @ApiOkResponse({ type: DashboardPreviewDto })
  @ApiProblems(400, [404, "No such dashboard or version, or not the caller's"])
  version(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<DashboardPreview> {
    return this.queries.execute(new GetDashboardVersion(principal, dashboardId(id), versionOf(version)));
  }

  @Post(':id/versions/:version/restore')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'restoreDashboardVersion',
    summary: 'Make an earlier version the newest: its content is appended as a new version, nothing is lost',
  })
  @DASHBOARD_ID
  @VERSION
  @ApiOkResponse({ type: DashboardDto })
  @ApiProblems(...EDIT_PROBLEMS)
  restore(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('version') version: string,
    @Body() body: VersionedRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<DashboardView | null> {
    return this.change(
      principal,
      id,
      body.expectedVersion,
      { kind: 'restore', version: versionOf(version) },
      correlationId,
    );
  }
}
