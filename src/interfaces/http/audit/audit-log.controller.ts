import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryAuditLog, type AuditPage } from '../../../application/audit/query-audit-log/query-audit-log.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { AuditLogRequestDto } from './audit-log.request.dto.js';

@Controller('api/audit')
@UseGuards(AuthenticationGuard)
@UseFilters(AccessErrorsFilter)
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@CurrentPrincipal() principal: Principal, @Query() request: AuditLogRequestDto): Promise<AuditPage> {
    return this.queries.execute(new QueryAuditLog(principal, { ...request, limit: request.limit ?? 100 }));
  }
}
