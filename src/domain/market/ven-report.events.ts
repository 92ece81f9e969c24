import type { DomainEvent } from '../shared/event.js';
import type { Interval, IntervalPeriod, ReportPayloadDescriptor } from './openadr-objects.js';

/** One resource's rows of a report (`resourceName` is the resource's opaque name, or `AGGREGATED_REPORT`). */
export interface ReportResource {
  readonly resourceName: string;
  readonly intervalPeriod?: IntervalPeriod;
  readonly intervals: readonly Interval[];
}

/** An OpenADR 3.1.0 `reportRequest` as Wattlog writes it on an enrolled owner's behalf. */
export interface ReportContent {
  readonly eventID: string;
  readonly clientName: string;
  readonly reportName?: string;
  readonly payloadDescriptors?: readonly ReportPayloadDescriptor[];
  readonly resources: readonly ReportResource[];
}

/**
 * The platform, acting as the ven of an enrollment, reported on a grid signal to the program's utility. Stream
 * `ven-report-<reportId>`. Reports are written from measurements the owner agreed to share (next issue: M&V); the
 * read model and the utility's reads exist already. `clientId` is the platform's ven client, `programId` the
 * event's program (3.1.0 reports carry no programID; the utility filters by it all the same).
 */
export type VenReportSubmitted = DomainEvent<
  'VenReportSubmitted',
  {
    readonly reportId: string;
    readonly enrollmentId: string;
    readonly venId: string;
    readonly programId: string;
    readonly providerId: string;
    readonly clientId: string;
    readonly content: ReportContent;
    readonly at: string;
  }
>;

/** A late reading changed the figures: the whole content replaced. */
export type VenReportRevised = DomainEvent<
  'VenReportRevised',
  { readonly reportId: string; readonly content: ReportContent; readonly at: string }
>;

/** The report is gone from the utility's views (its enrollment's consent withdrawn, or the program withdrawn). */
export type VenReportWithdrawn = DomainEvent<'VenReportWithdrawn', { readonly reportId: string; readonly at: string }>;

export type VenReportEvent = VenReportSubmitted | VenReportRevised | VenReportWithdrawn;
export type VenReportEventType = VenReportEvent['type'];

export const VEN_REPORT_EVENT_TYPES: readonly VenReportEventType[] = [
  'VenReportSubmitted',
  'VenReportRevised',
  'VenReportWithdrawn',
];

export function isVenReportEvent(event: { readonly type: string; readonly data: unknown }): event is VenReportEvent {
  return (VEN_REPORT_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** For a notification matcher: every report event changes one REPORT object. */
export const VEN_REPORT_OPENADR_CHANGES: Readonly<
  Record<
    VenReportEventType,
    { readonly objectTypes: readonly 'REPORT'[]; readonly operation: 'CREATE' | 'UPDATE' | 'DELETE' }
  >
> = {
  VenReportSubmitted: { objectTypes: ['REPORT'], operation: 'CREATE' },
  VenReportRevised: { objectTypes: ['REPORT'], operation: 'UPDATE' },
  VenReportWithdrawn: { objectTypes: ['REPORT'], operation: 'DELETE' },
};
