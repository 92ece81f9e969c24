import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntry, AuditPage } from '../../../application/audit/query-audit-log/query-audit-log.query.js';

export class AuditEntryDto implements AuditEntry {
  @ApiProperty({ type: 'integer', description: 'Position in the trail; pass the last one as `afterSeq`' })
  readonly seq!: number;
  @ApiProperty({ format: 'uuid' }) readonly eventId!: string;
  @ApiProperty({ example: 'gateway-gw-1' }) readonly stream!: string;
  @ApiProperty({ type: 'integer' }) readonly revision!: number;
  @ApiProperty({ example: 'GatewayRegistered' }) readonly type!: string;
  @ApiProperty({ type: String, nullable: true }) readonly actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly correlationId!: string | null;
  @ApiProperty({ format: 'date-time' }) readonly recordedAt!: string;
  @ApiProperty({ example: 'GatewayRegistered: name=home' }) readonly summary!: string;
}

export class AuditPageDto implements AuditPage {
  @ApiProperty({ type: [AuditEntryDto] }) readonly items!: AuditEntryDto[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Oldest first: pass as `afterSeq` for the next page; null at the end (and newest first)',
  })
  readonly nextAfterSeq!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'Newest first (`order=desc`): pass as `beforeSeq` for the next page; null at the end (and oldest first)',
  })
  readonly nextBeforeSeq!: number | null;
}
