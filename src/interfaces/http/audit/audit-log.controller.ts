import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { AuditPageDto } from './audit-log.response.dto.js';
import { QueryAuditLog, type AuditPage } from '../../../application/audit/query-audit-log/query-audit-log.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { csvField } from '../metering/series-output.js';
import { AuditLogRequestDto } from './audit-log.request.dto.js';

const CSV_COLUMNS = [
  'seq',
  'recordedAt',
  'type',
  'stream',
  'revision',
  'actorId',
  'correlationId',
  'eventId',
  'summary',
] as const;

/** The page as CSV; the next page's `afterSeq` travels in a header. */
export function auditCsv(page: AuditPage): string {
  const lines = page.items.map((e) => CSV_COLUMNS.map((c) => csvField(e[c])).join(','));
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}

@Controller('api/audit')
@UseGuards(AuthenticationGuard)
@ApiTags('audit')
@ApiBearer()
export class AuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listAuditEntries',
    summary:
      'The audit trail (admin): every event with who did what, in log order; filter by object, actor, type, time; JSON or CSV',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: AuditPageDto,
    description: "JSON page, or CSV with the next page's afterSeq in the x-next-after-seq header",
  })
  @ApiProblems(400)
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() request: AuditLogRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuditPage | string> {
    const { object, format, ...filter } = request;
    const page = await this.queries.execute(
      new QueryAuditLog(principal, {
        ...filter,
        ...(object !== undefined ? { objectId: object } : {}),
        limit: request.limit ?? 100,
      }),
    );
    if (format !== 'csv') return page;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    if (page.nextAfterSeq !== null) void reply.header('x-next-after-seq', String(page.nextAfterSeq));
    return auditCsv(page);
  }
}
