import type { ProgramEnrollmentAccepted } from '../../src/domain/market/enrollment.events.js';
import type { GridSignalEvent, GridSignalPublished } from '../../src/domain/market/grid-signal.events.js';
import type { OadrSubscriptionCreated } from '../../src/domain/market/oadr-subscription.events.js';
import type { GridSignalContent, ProgramContent } from '../../src/domain/market/openadr-objects.js';
import type { ProgramPublished } from '../../src/domain/market/program.events.js';
import type { VenReportSubmitted } from '../../src/domain/market/ven-report.events.js';

const AT = '2026-12-07T10:00:00.000Z';

/** A PRICE tariff program of provider `prov-a`. */
export function aPriceProgram(overrides: Partial<ProgramContent> = {}): ProgramContent {
  return {
    programName: 'day-ahead',
    payloadDescriptors: [
      { objectType: 'EVENT_PAYLOAD_DESCRIPTOR', payloadType: 'PRICE', units: 'KWH', currency: 'EUR' },
    ],
    ...overrides,
  };
}

export function aPublishedProgram(overrides: Partial<ProgramPublished['data']> = {}): ProgramPublished {
  return {
    type: 'ProgramPublished',
    data: {
      programId: 'p-1',
      providerId: 'prov-a',
      clientId: 'client-a',
      content: aPriceProgram(),
      at: AT,
      ...overrides,
    },
  };
}

/** `count` quarter-hour PRICE values from `start`, one interval of PT15M each. */
export function aDayAheadPriceSignal(programID = 'p-1', count = 96, start = '2026-12-08T00:00:00Z'): GridSignalContent {
  return {
    programID,
    eventName: 'prices 2026-12-08',
    intervalPeriod: { start, duration: 'PT15M' },
    intervals: Array.from({ length: count }, (_, id) => ({
      id,
      payloads: [
        { type: 'PRICE', values: [Math.round((0.1 + 0.05 * Math.sin(id / 8) - (id === 50 ? 0.2 : 0)) * 1e4) / 1e4] },
      ],
    })),
  };
}

export function aPublishedGridSignal(overrides: Partial<GridSignalPublished['data']> = {}): GridSignalPublished {
  return {
    type: 'GridSignalPublished',
    data: {
      eventId: 'e-1',
      programId: 'p-1',
      providerId: 'prov-a',
      content: aDayAheadPriceSignal('p-1', 4),
      at: AT,
      ...overrides,
    },
  };
}

export function aRevisedGridSignal(content: GridSignalContent, revision = 1, eventId = 'e-1'): GridSignalEvent {
  return { type: 'GridSignalRevised', data: { eventId, content, revision, at: AT } };
}

export function anOadrSubscription(overrides: Partial<OadrSubscriptionCreated['data']> = {}): OadrSubscriptionCreated {
  return {
    type: 'OadrSubscriptionCreated',
    data: {
      subscriptionId: 's-1',
      providerId: 'prov-a',
      clientId: 'client-a',
      content: {
        clientName: 'utility-a',
        objectOperations: [{ objects: ['EVENT'], operations: ['CREATE'], callbackUrl: 'https://utility.example/cb' }],
      },
      at: AT,
      ...overrides,
    },
  };
}

/** Owner `owner-a` enrolled in program p-1 of prov-a with one plug. */
export function anAcceptedEnrollment(
  overrides: Partial<ProgramEnrollmentAccepted['data']> = {},
): ProgramEnrollmentAccepted {
  return {
    type: 'ProgramEnrollmentAccepted',
    data: {
      enrollmentId: 'en-1',
      ownerId: 'owner-a',
      programId: 'p-1',
      providerId: 'prov-a',
      venId: 'v-1',
      venName: 'site-0f3a',
      resources: [{ sensorId: 'zigbee:0x01/1/switchState', resourceId: 'r-1', resourceName: 'plug-9c1d' }],
      allowDispatch: true,
      shareReports: 'aggregate',
      acceptedBy: 'user:owner-a',
      at: AT,
      ...overrides,
    },
  };
}

/** A USAGE report of ven v-1 on event e-1 (program p-1, prov-a). */
export function aSubmittedReport(overrides: Partial<VenReportSubmitted['data']> = {}): VenReportSubmitted {
  return {
    type: 'VenReportSubmitted',
    data: {
      reportId: 'rep-1',
      enrollmentId: 'en-1',
      venId: 'v-1',
      programId: 'p-1',
      providerId: 'prov-a',
      clientId: 'wattlog-ven',
      content: {
        eventID: 'e-1',
        clientName: 'site-0f3a',
        reportName: 'usage e-1',
        payloadDescriptors: [{ objectType: 'REPORT_PAYLOAD_DESCRIPTOR', payloadType: 'USAGE', units: 'KWH' }],
        resources: [
          { resourceName: 'AGGREGATED_REPORT', intervals: [{ id: 0, payloads: [{ type: 'USAGE', values: [0.4] }] }] },
        ],
      },
      at: AT,
      ...overrides,
    },
  };
}
