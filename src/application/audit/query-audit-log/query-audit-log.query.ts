import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';

export interface AuditEntry {
  readonly seq: number;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly actorId: string | null;
  readonly correlationId: string | null;
  readonly recordedAt: string;
  readonly summary: string;
}

export interface AuditPage {
  readonly items: AuditEntry[];
  /** Oldest first: pass as `afterSeq` to read the next page; null at the end (and newest first). */
  readonly nextAfterSeq: number | null;
  /** Newest first: pass as `beforeSeq` to read the next (older) page; null at the end (and oldest first). */
  readonly nextBeforeSeq: number | null;
}

export interface AuditFilter {
  readonly stream?: string;
  readonly type?: string;
  readonly actorId?: string;
  /** A gateway, node, sensor, command, user, client or grant id the entry is about. */
  readonly objectId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly afterSeq?: number;
  /** Newest first only: entries before this one. */
  readonly beforeSeq?: number;
  /** `asc` (log order, the default) or `desc` (newest first). */
  readonly order?: 'asc' | 'desc';
  readonly limit: number;
}

export class QueryAuditLog extends Query<AuditPage> {
  constructor(
    readonly principal: Principal,
    readonly filter: AuditFilter,
  ) {
    super();
  }
}
