import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ChangeSensorVisibility, type ChangedVisibility } from '../../../application/access/change-sensor-visibility/change-sensor-visibility.command.js';
import { GrantAccess, type IssuedGrant } from '../../../application/access/grant-access/grant-access.command.js';
import { ListGrants, type GrantView } from '../../../application/access/list-grants/list-grants.query.js';
import { QueryAccessLog, type AccessLogEntry } from '../../../application/access/query-access-log/query-access-log.query.js';
import { RevokeAccess, type RevokedGrant } from '../../../application/access/revoke-access/revoke-access.command.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AccessLogRequestDto, GrantAccessRequestDto, ListGrantsRequestDto, SensorVisibilityRequestDto } from './access.request.dto.js';

@Controller('api')
@UseGuards(AuthenticationGuard)
@UseFilters(AccessErrorsFilter)
export class AccessController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
  ) {}

  @Post('grants')
  async grant(@CurrentPrincipal() principal: Principal, @Body() body: GrantAccessRequestDto): Promise<IssuedGrant> {
    const issued = await this.commands.execute(
      new GrantAccess(
        principal,
        { grantee: body.grantee, scope: body.scope, rights: body.rights, ...(body.expiresAt !== undefined ? { expiresAt: body.expiresAt } : {}) },
        new Date(),
        randomUUID(),
      ),
    );
    this.projections.poke();
    return issued;
  }

  @Get('grants')
  list(@CurrentPrincipal() principal: Principal, @Query() request: ListGrantsRequestDto): Promise<{ items: GrantView[]; nextAfter: string | null }> {
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
  async revoke(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<RevokedGrant> {
    const revoked = await this.commands.execute(new RevokeAccess(principal, id, new Date(), randomUUID()));
    this.projections.poke();
    return revoked;
  }

  /** Sensor ids hold `/`, so the id is the rest of the path up to the final `/visibility`. */
  @Put('sensors/*')
  async visibility(@CurrentPrincipal() principal: Principal, @Param('*') path: string, @Body() body: SensorVisibilityRequestDto): Promise<ChangedVisibility> {
    const sensorId = path.endsWith('/visibility') ? path.slice(0, -'/visibility'.length) : '';
    const changed = await this.commands.execute(new ChangeSensorVisibility(principal, sensorId, body.visibility, new Date(), randomUUID()));
    this.projections.poke();
    return changed;
  }

  @Get('access-log')
  accessLog(@CurrentPrincipal() principal: Principal, @Query() request: AccessLogRequestDto): Promise<{ items: AccessLogEntry[] }> {
    return this.queries.execute(
      new QueryAccessLog(principal, {
        ...(request.sensor !== undefined ? { sensorId: request.sensor } : {}),
        ...(request.actor !== undefined ? { actorId: request.actor } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }
}
