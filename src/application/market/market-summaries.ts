import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');
const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

/** Audit-trail lines for programs, grid signals, OpenADR subscriptions, enrollments and reports (never a callback token). */
export const marketSummaries: Readonly<Record<string, Summarizer>> = {
  ProgramPublished: (d) =>
    `program ${text(d.programId)} "${text(field(d.content, 'programName'))}" published for provider ${text(d.providerId)}`,
  ProgramRevised: (d) => `program ${text(d.programId)} revised ("${text(field(d.content, 'programName'))}")`,
  ProgramWithdrawn: (d) => `program ${text(d.programId)} withdrawn`,
  GridSignalPublished: (d) =>
    `grid signal ${text(d.eventId)} in program ${text(d.programId)}: ${count(field(d.content, 'intervals'))} intervals`,
  GridSignalRevised: (d) =>
    `grid signal ${text(d.eventId)} revision ${text(d.revision)}: ${count(field(d.content, 'intervals'))} intervals`,
  GridSignalWithdrawn: (d) => `grid signal ${text(d.eventId)} withdrawn (${text(d.mode)})`,
  OadrSubscriptionCreated: (d) =>
    `subscription ${text(d.subscriptionId)} of provider ${text(d.providerId)}: ${count(field(d.content, 'objectOperations'))} callbacks`,
  OadrSubscriptionRevised: (d) =>
    `subscription ${text(d.subscriptionId)} revised: ${count(field(d.content, 'objectOperations'))} callbacks`,
  OadrSubscriptionDeleted: (d) => `subscription ${text(d.subscriptionId)} deleted`,
  ProgramEnrollmentAccepted: (d) =>
    `enrollment ${text(d.enrollmentId)} in program ${text(d.programId)}: ven ${text(d.venId)}, ${count(d.resources)} plugs, dispatch ${d.allowDispatch === true ? 'allowed' : 'not allowed'}, reports ${text(d.shareReports)}`,
  ProgramEnrollmentPaused: (d) =>
    `enrollment ${text(d.enrollmentId)} paused${typeof d.until === 'string' ? ` until ${d.until}` : ''}`,
  ProgramEnrollmentResumed: (d) => `enrollment ${text(d.enrollmentId)} resumed`,
  ProgramEnrollmentEnded: (d) => `enrollment ${text(d.enrollmentId)} ended (${text(d.reason)})`,
  VenTargetsAssigned: (d) => `ven ${text(d.venId)} targets: ${count(d.targets)}`,
  ResourceTargetsAssigned: (d) => `resource ${text(d.resourceId)} targets: ${count(d.targets)}`,
  VenReportSubmitted: (d) =>
    `report ${text(d.reportId)} of ven ${text(d.venId)} on event ${text(field(d.content, 'eventID'))}`,
  VenReportRevised: (d) => `report ${text(d.reportId)} revised`,
  VenReportWithdrawn: (d) => `report ${text(d.reportId)} withdrawn`,
};
