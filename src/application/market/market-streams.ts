import { isEnrollmentEvent, type EnrollmentEvent } from '../../domain/market/enrollment.events.js';
import { isGridSignalEvent, type GridSignalEvent } from '../../domain/market/grid-signal.events.js';
import { isOadrSubscriptionEvent, type OadrSubscriptionEvent } from '../../domain/market/oadr-subscription.events.js';
import { isProgramEvent, type ProgramEvent } from '../../domain/market/program.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const PROGRAM_STREAM_PREFIX = 'program-';
export const GRID_SIGNAL_STREAM_PREFIX = 'grid-signal-';
export const OADR_SUBSCRIPTION_STREAM_PREFIX = 'oadr-subscription-';
export const ENROLLMENT_STREAM_PREFIX = 'enrollment-';
export const VEN_REPORT_STREAM_PREFIX = 'ven-report-';
export const MARKET_SCHEMA_VERSION = 1;

export const programStream = (programId: string): string => `${PROGRAM_STREAM_PREFIX}${programId}`;
export const gridSignalStream = (eventId: string): string => `${GRID_SIGNAL_STREAM_PREFIX}${eventId}`;
export const oadrSubscriptionStream = (subscriptionId: string): string =>
  `${OADR_SUBSCRIPTION_STREAM_PREFIX}${subscriptionId}`;

export const enrollmentStream = (enrollmentId: string): string => `${ENROLLMENT_STREAM_PREFIX}${enrollmentId}`;

export const PROGRAM_EVENTS: StreamEvents<ProgramEvent> = {
  accepts: isProgramEvent,
  schemaVersion: MARKET_SCHEMA_VERSION,
};
export const GRID_SIGNAL_EVENTS: StreamEvents<GridSignalEvent> = {
  accepts: isGridSignalEvent,
  schemaVersion: MARKET_SCHEMA_VERSION,
};
export const OADR_SUBSCRIPTION_EVENTS: StreamEvents<OadrSubscriptionEvent> = {
  accepts: isOadrSubscriptionEvent,
  schemaVersion: MARKET_SCHEMA_VERSION,
};
export const ENROLLMENT_EVENTS: StreamEvents<EnrollmentEvent> = {
  accepts: isEnrollmentEvent,
  schemaVersion: MARKET_SCHEMA_VERSION,
};
