import { anAcceptedEnrollment, aSubmittedReport } from '#test/builders/market.js';
import {
  ENROLLMENT_EVENT_TYPES,
  ENROLLMENT_OPENADR_CHANGES,
  type EnrollmentEvent,
} from '../../../domain/market/enrollment.events.js';
import type { ObjectChange } from '../../../domain/market/oadr-notification-matching.js';
import {
  VEN_REPORT_EVENT_TYPES,
  VEN_REPORT_OPENADR_CHANGES,
  type VenReportEvent,
} from '../../../domain/market/ven-report.events.js';
import type { DomainEvent } from '../../../domain/shared/event.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { KnownObject, KnownObjects } from './notification-source.js';
import { NOTIFICATION_SOURCES } from './notification-sources.js';

const LATER = '2026-12-08T10:00:00.000Z';

/** The process's memory of live objects, kept in a map the way it keeps its table. */
function memory(): KnownObjects & { remember(change: ObjectChange): void } {
  const objects = new Map<string, KnownObject>();
  const all = () => [...objects.values()];
  return {
    get: (type, id) => Promise.resolve(objects.get(`${type}/${id}`)),
    ofProgram: (type, programId) =>
      Promise.resolve(all().filter((o) => o.objectType === type && o.programId === programId)),
    ofEnrollment: (type, enrollmentId) =>
      Promise.resolve(all().filter((o) => o.objectType === type && o.enrollmentId === enrollmentId)),
    remember(change) {
      const key = `${change.objectType}/${change.objectId}`;
      if (change.operation === 'DELETE') {
        objects.delete(key);
        return;
      }
      const { objectType, objectId, providerId, programId, enrollmentId, targets, object } = change;
      const createdAt = (object as { createdDateTime: string }).createdDateTime;
      objects.set(key, { objectType, objectId, providerId, programId, enrollmentId, targets, createdAt, object });
    },
  };
}

/** Every change the sources make of `events`, in log order, each remembered before the next event. */
async function changesOf(events: readonly DomainEvent<string, unknown>[]): Promise<ObjectChange[]> {
  const known = memory();
  const changes: ObjectChange[] = [];
  for (const [i, event] of events.entries()) {
    const recorded = { ...event, id: `ev-${i}`, position: String(i) } as unknown as RecordedEvent;
    for (const source of NOTIFICATION_SOURCES.filter((s) => s.eventTypes.includes(event.type)))
      for (const change of await source.changes(recorded, known)) {
        changes.push(change);
        known.remember(change);
      }
  }
  return changes;
}

const named = (changes: readonly ObjectChange[]) => changes.map((c) => `${c.objectType} ${c.operation} ${c.objectId}`);

const enrollment = (type: EnrollmentEvent['type'], data: object) =>
  ({ type, data: { enrollmentId: 'en-1', at: LATER, ...data } }) as EnrollmentEvent;

const TWO_PLUGS = anAcceptedEnrollment({
  resources: [
    { sensorId: 'zigbee:0x01/1/switchState', resourceId: 'r-1', resourceName: 'plug-9c1d' },
    { sensorId: 'zigbee:0x02/1/switchState', resourceId: 'r-2', resourceName: 'plug-77aa' },
  ],
});

describe('notification sources of vens, resources and reports', () => {
  it("creates the ven and each resource on enrollment, as GET shows them: opaque names, never the owner's sensors", async () => {
    const changes = await changesOf([TWO_PLUGS]);
    expect(named(changes)).toEqual(['VEN CREATE v-1', 'RESOURCE CREATE r-1', 'RESOURCE CREATE r-2']);
    for (const change of changes) expect(change).toMatchObject({ providerId: 'prov-a', programId: 'p-1' });
    expect(changes[0]!.object).toEqual({
      id: 'v-1',
      createdDateTime: TWO_PLUGS.data.at,
      modificationDateTime: TWO_PLUGS.data.at,
      objectType: 'VEN',
      clientID: 'wattlog-platform-ven',
      venName: 'site-0f3a',
      targets: [],
      attributes: [{ type: 'X_ENROLLMENT_STATUS', values: ['ACTIVE'] }],
    });
    expect(changes[2]!.object).toEqual({
      id: 'r-2',
      createdDateTime: TWO_PLUGS.data.at,
      modificationDateTime: TWO_PLUGS.data.at,
      objectType: 'RESOURCE',
      clientID: 'wattlog-platform-ven',
      resourceName: 'plug-77aa',
      venID: 'v-1',
      targets: [],
    });
    const wire = JSON.stringify(changes.map((c) => c.object));
    for (const secret of ['owner-a', 'zigbee', 'en-1']) expect(wire).not.toContain(secret);
  });

  it('updates the ven on pause, resume and targets, a resource on its targets, and deletes them all on leave', async () => {
    const changes = await changesOf([
      TWO_PLUGS,
      enrollment('ProgramEnrollmentPaused', { until: null, reason: null, pausedBy: 'user:owner-a' }),
      enrollment('VenTargetsAssigned', { venId: 'v-1', targets: ['group:north'], assignedBy: 'client:bl' }),
      enrollment('ResourceTargetsAssigned', { resourceId: 'r-2', targets: ['feeder:7'], assignedBy: 'client:bl' }),
      enrollment('ProgramEnrollmentResumed', { resumedBy: 'user:owner-a' }),
      enrollment('ProgramEnrollmentEnded', { endedBy: 'user:owner-a', reason: 'owner_left' }),
      enrollment('ProgramEnrollmentPaused', { until: null, reason: null, pausedBy: 'user:owner-a' }),
    ]);
    expect(named(changes.slice(3))).toEqual([
      'VEN UPDATE v-1',
      'VEN UPDATE v-1',
      'RESOURCE UPDATE r-2',
      'VEN UPDATE v-1',
      'VEN DELETE v-1',
      'RESOURCE DELETE r-1',
      'RESOURCE DELETE r-2',
    ]);
    const [paused, targeted, resource, resumed, gone] = changes.slice(3).map((c) => c.object) as Record<
      string,
      unknown
    >[];
    expect(paused).toMatchObject({ attributes: [{ values: ['PAUSED'] }], modificationDateTime: LATER, targets: [] });
    expect(targeted).toMatchObject({ attributes: [{ values: ['PAUSED'] }], targets: ['group:north'] });
    expect(targeted!.createdDateTime).toBe(TWO_PLUGS.data.at);
    expect(resource).toMatchObject({ id: 'r-2', resourceName: 'plug-77aa', targets: ['feeder:7'] });
    expect(resumed).toMatchObject({ attributes: [{ values: ['ACTIVE'] }], targets: ['group:north'] });
    expect(gone).toEqual(resumed);
    expect(changes[9]!.targets).toEqual(['feeder:7']);
  });

  it('creates, updates and deletes a report as GET /reports shows it', async () => {
    const submitted = aSubmittedReport();
    const revised = { ...submitted.data.content, reportName: 'usage e-1 (late reading)' };
    const changes = await changesOf([
      submitted,
      { type: 'VenReportRevised', data: { reportId: 'rep-1', content: revised, at: LATER } },
      { type: 'VenReportWithdrawn', data: { reportId: 'rep-1', at: LATER } },
    ]);
    expect(named(changes)).toEqual(['REPORT CREATE rep-1', 'REPORT UPDATE rep-1', 'REPORT DELETE rep-1']);
    expect(changes[0]).toMatchObject({ providerId: 'prov-a', programId: 'p-1' });
    expect(changes[1]!.object).toEqual({
      id: 'rep-1',
      createdDateTime: submitted.data.at,
      modificationDateTime: LATER,
      objectType: 'REPORT',
      ...revised,
      clientID: 'wattlog-ven',
    });
    expect(changes[2]!.object).toEqual(changes[1]!.object);
  });

  it("deletes a withdrawn program's vens, resources and reports, and nothing of another program", async () => {
    const elsewhere = anAcceptedEnrollment({
      enrollmentId: 'en-2',
      programId: 'p-2',
      venId: 'v-2',
      resources: [{ sensorId: 'zigbee:0x03/1/switchState', resourceId: 'r-3', resourceName: 'plug-0b0b' }],
    });
    const changes = await changesOf([
      TWO_PLUGS,
      elsewhere,
      aSubmittedReport(),
      { type: 'ProgramWithdrawn', data: { programId: 'p-1', withdrawnBy: 'client:bl', at: LATER } },
    ]);
    expect(named(changes.filter((c) => c.operation === 'DELETE'))).toEqual([
      'VEN DELETE v-1',
      'RESOURCE DELETE r-1',
      'RESOURCE DELETE r-2',
      'REPORT DELETE rep-1',
    ]);
  });

  it('makes exactly the changes the enrollment and report events declare for OpenADR', async () => {
    const declared = { ...ENROLLMENT_OPENADR_CHANGES, ...VEN_REPORT_OPENADR_CHANGES };
    const followUps: Record<string, DomainEvent<string, unknown>> = {
      ProgramEnrollmentPaused: enrollment('ProgramEnrollmentPaused', { until: null, reason: null, pausedBy: 'u' }),
      ProgramEnrollmentResumed: enrollment('ProgramEnrollmentResumed', { resumedBy: 'u' }),
      ProgramEnrollmentEnded: enrollment('ProgramEnrollmentEnded', { endedBy: 'u', reason: 'owner_left' }),
      VenTargetsAssigned: enrollment('VenTargetsAssigned', { venId: 'v-1', targets: ['t'], assignedBy: 'c' }),
      ResourceTargetsAssigned: enrollment('ResourceTargetsAssigned', {
        resourceId: 'r-1',
        targets: [],
        assignedBy: 'c',
      }),
      VenReportRevised: {
        type: 'VenReportRevised',
        data: { reportId: 'rep-1', content: aSubmittedReport().data.content, at: LATER },
      },
      VenReportWithdrawn: { type: 'VenReportWithdrawn', data: { reportId: 'rep-1', at: LATER } } as VenReportEvent,
    };
    const setUp = [anAcceptedEnrollment(), aSubmittedReport()];
    for (const type of [...ENROLLMENT_EVENT_TYPES, ...VEN_REPORT_EVENT_TYPES]) {
      const event = followUps[type];
      const changes = event
        ? (await changesOf([...setUp, event])).slice(3)
        : await changesOf([setUp.find((e) => e.type === type)!]);
      const { objectTypes, operation } = declared[type];
      expect({ type, made: [...new Set(changes.map((c) => `${c.objectType} ${c.operation}`))] }).toEqual({
        type,
        made: objectTypes.map((objectType) => `${objectType} ${operation}`),
      });
    }
  });
});
