import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ChangeSensorVisibility,
  type ChangedVisibility,
} from '../../../application/access/change-sensor-visibility/change-sensor-visibility.command.js';
import { GrantAccess, type IssuedGrant } from '../../../application/access/grant-access/grant-access.command.js';
import { ListGrants, type GrantView } from '../../../application/access/list-grants/list-grants.query.js';
import {
  QueryAccessLog,
  type AccessLogEntry,
} from '../../../application/access/query-access-log/query-access-log.query.js';
import { RevokeAccess, type RevokedGrant } from '../../../application/access/revoke-access/revoke-access.command.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal } from './current-principal.js';
import { API_PATH_SUFFIX, ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import {
  AccessLogPageDto,
  ChangedVisibilityDto,
  GrantPageDto,
  IssuedGrantDto,
  RevokedGrantDto,
} from './access.response.dto.js';
import {
  AccessLogRequestDto,
  GrantAccessRequestDto,
  ListGrantsRequestDto,
  SensorVisibilityRequestDto,
} from './access.request.dto.js';

@Controller('api')
@UseGuards(AuthenticationGuard)
@ApiTags('access')
@ApiBearer()
export class AccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('grants')
  @ApiOperation({
    operationId: 'grantAccess',
    summary: 'Grant a user or API client rights over gateways, nodes or sensors you own',
  })
  @ApiBody({ type: GrantAccessRequestDto })
  @ApiCreatedResponse({ type: IssuedGrantDto })
  @ApiProblems(
    [400, 'Invalid fields, an unknown grantee, or an expiry in the past'],
    [404, 'An object of the scope does not exist or is not yours'],
    413,
    415,
  )
  async grant(@CurrentPrincipal() principal: Principal, @Body() body: GrantAccessRequestDto): Promise<IssuedGrant> {
    const issued = await this.commands.execute(
      new GrantAccess(
        principal,
        {
          grantee: body.grantee,
          scope: body.scope,
          rights: body.rights,
          ...(body.expiresAt !== undefined ? { expiresAt: body.expiresAt } : {}),
        },
        this.clock.now(),
        randomUUID(),
      ),
    );
    this.projections.poke();
    return issued;
  }

  @Get('grants')
  @ApiOperation({ operationId: 'listGrants', summary: 'Grants the caller gave or holds (admins: all), newest first' })
  @ApiOkResponse({ type: GrantPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() request: ListGrantsRequestDto,
  ): Promise<{ items: GrantView[]; nextAfter: string | null }> {
    return this.queries.execute(
      new ListGrants(principal, {
        ...(request.role !== undefined ? { role: request.role } : {}),
        ...(request.status !== undefined ? { status: request.status } : {}),
        ...(request.actor !== undefined ? { actorId: request.actor } : {}),
        ...(request.after !== undefined ? { after: request.after } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }

  @Post('grants/:id/revoke')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'revokeGrant',
    summary: 'Revoke a grant you gave or hold (admins: any); it stops applying on the next request',
  })
  @ApiParam({ name: 'id', description: 'Grant id', schema: { type: 'string' } })
  @ApiOkResponse({ type: RevokedGrantDto })
  @ApiProblems(404, [409, 'The grant is already revoked or expired'])
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<RevokedGrant> {
    const revoked = await this.commands.execute(new RevokeAccess(principal, id, this.clock.now(), randomUUID()));
    this.projections.poke();
    return revoked;
  }

  /** Sensor ids hold `/`, so the id is the rest of the path up to the final `/visibility`. */
  @Put('sensors/*')
  @ApiOperation({
    operationId: 'setSensorVisibility',
    summary: 'Make a sensor you own private, shared through grants, or public as aggregates',
  })
  @ApiParam({
    name: 'sensorId',
    description: 'The sensor id; it holds `/` and `:`, encoded or not (`zigbee:0x00158d0001a2b3c4/1/power`)',
    schema: { type: 'string' },
  })
  @API_PATH_SUFFIX('/visibility')
  @ApiBody({ type: SensorVisibilityRequestDto })
  @ApiOkResponse({ type: ChangedVisibilityDto })
  @ApiProblems(400, 404, 413, 415)
  async visibility(
    @CurrentPrincipal() principal: Principal,
    @Param('*') path: string,
    @Body() body: SensorVisibilityRequestDto,
  ): Promise<ChangedVisibility> {
    const sensorId = path.endsWith('/visibility') ? path.slice(0, -'/visibility'.length) : '';
    const changed = await this.commands.execute(
      new ChangeSensorVisibility(principal, sensorId, body.visibility, this.clock.now(), randomUUID()),
    );
    this.projections.poke();
    return changed;
  }

  @Get('access-log')
  @ApiOperation({
    operationId: 'queryAccessLog',
    summary: 'Who read the data of which of your sensors, when and how often (admins: all)',
  })
  @ApiOkResponse({ type: AccessLogPageDto })
  @ApiProblems(400)
  accessLog(
    @CurrentPrincipal() principal: Principal,
    @Query() request: AccessLogRequestDto,
  ): Promise<{ items: AccessLogEntry[] }> {
    return this.queries.execute(
      new QueryAccessLog(principal, {
        ...(request.sensor !== undefined ? { sensorId: request.sensor } : {}),
        ...(request.actor !== undefined ? { actorId: request.actor } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }
}
