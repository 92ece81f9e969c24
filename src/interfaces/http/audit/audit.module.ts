import { Module } from '@nestjs/common';
import { QueryAuditLogHandler } from '../../../application/audit/query-audit-log/query-audit-log.handler.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { AuditLogController } from './audit-log.controller.js';

@Module({
  imports: [AccessPolicyModule],
  controllers: [AuditLogController],
  providers: [QueryAuditLogHandler],
})
export class AuditModule {}
