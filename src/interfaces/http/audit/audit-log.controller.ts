import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { QueryAuditLog, type AuditPage } from '../../../application/audit/query-audit-log/query-audit-log.query.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { AuditLogRequestDto } from './audit-log.request.dto.js';

@Controller('api/audit')
@UseGuards(AuthenticationGuard)
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  list(@Query() request: AuditLogRequestDto): Promise<AuditPage> {
    return this.queries.execute(new QueryAuditLog({ ...request, limit: request.limit ?? 100 }));
  }
}
