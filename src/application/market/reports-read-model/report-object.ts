import type { ReportContent } from '../../../domain/market/ven-report.events.js';

/** An OpenADR 3.1.0 `report` as the wire has it: VTN metadata, the content, and the reporting client. */
export type ReportObject = ReportContent & {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'REPORT';
  readonly clientID: string;
};

/** A report as the utility reads it, from its content and VTN metadata. */
export function reportObject(
  id: string,
  clientId: string,
  createdAt: string,
  modifiedAt: string,
  content: ReportContent,
): ReportObject {
  return {
    id,
    createdDateTime: createdAt,
    modificationDateTime: modifiedAt,
    objectType: 'REPORT',
    ...content,
    clientID: clientId,
  };
}
