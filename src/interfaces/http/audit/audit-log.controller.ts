import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { AuditPageDto } from './audit-log.response.dto.js';
import { QueryAuditLog, type AuditPage } from '../../../application/audit/query-audit-log/query-audit-log.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { AuditLogRequestDto } from './audit-log.request.dto.js';

@Controller('api/audit')
@UseGuards(AuthenticationGuard)
@ApiTags('audit')
@ApiBearer()
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ operationId: 'listAuditEntries', summary: 'The audit trail (admin): every event with who did what, in log order' })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiProblems(400)
  list(@CurrentPrincipal() principal: Principal, @Query() request: AuditLogRequestDto): Promise<AuditPage> {
    return this.queries.execute(new QueryAuditLog(principal, { ...request, limit: request.limit ?? 100 }));
  }
}
