import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { OpenAdrPage } from '../openadr-objects.wire.js';
import type { ReportObject } from '../reports-read-model/reports.sql.js';

export class SearchReports extends Query<ReportObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & {
      readonly programId?: string;
      readonly eventId?: string;
      readonly clientName?: string;
    },
  ) {
    super();
  }
}

export class GetReport extends Query<ReportObject> {
  constructor(
    readonly principal: Principal,
    readonly reportId: string,
  ) {
    super();
  }
}
