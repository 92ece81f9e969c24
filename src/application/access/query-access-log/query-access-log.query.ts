import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';

export interface AccessLogEntry {
  /** `user:<id>` or `client:<id>`. */
  readonly actorId: string;
  readonly sensorId: string;
  readonly gatewayId: string;
  readonly firstAt: string;
  readonly lastAt: string;
  readonly requests: number;
  readonly rows: number;
}

export interface AccessLogFilter {
  readonly sensorId?: string;
  readonly actorId?: string;
  readonly limit: number;
}

/** Who read which of the principal's sensors (admins: everyone's), most recent first. */
export class QueryAccessLog extends Query<{ items: AccessLogEntry[] }> {
  constructor(
    readonly principal: Principal,
    readonly filter: AccessLogFilter,
  ) {
    super();
  }
}
