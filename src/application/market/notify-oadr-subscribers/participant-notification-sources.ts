import { ENROLLMENT_EVENT_TYPES, type EnrollmentEvent } from '../../../domain/market/enrollment.events.js';
import type { ObjectChange } from '../../../domain/market/oadr-notification-matching.js';
import type { ProgramWithdrawn } from '../../../domain/market/program.events.js';
import { VEN_REPORT_EVENT_TYPES, type VenReportEvent } from '../../../domain/market/ven-report.events.js';
import {
  resourceObject,
  venObject,
  type ResourceObject,
  type VenObject,
} from '../enrollments-read-model/ven-objects.js';
import { reportObject, type ReportObject } from '../reports-read-model/report-object.js';
import { deleted, type KnownObject, type KnownObjects, type NotificationSource } from './notification-source.js';

const PROGRAM_WITHDRAWN: ProgramWithdrawn['type'] = 'ProgramWithdrawn';

/**
 * A withdrawn program takes its vens, resources and reports out of every view (the read models drop them on the same
 * event, and no enrollment event follows): each of them is deleted for subscribers too.
 */
async function programWithdrawn(objectType: 'VEN' | 'RESOURCE' | 'REPORT', data: unknown, known: KnownObjects) {
  const { programId } = data as ProgramWithdrawn['data'];
  return (await known.ofProgram(objectType, programId)).map(deleted);
}

/** An UPDATE of an object already notified: the same owner, program and enrollment, a new wire object. */
const updated = (was: KnownObject, targets: readonly string[], object: unknown): ObjectChange => ({
  objectType: was.objectType,
  objectId: was.objectId,
  operation: 'UPDATE',
  providerId: was.providerId,
  ...(was.programId !== undefined ? { programId: was.programId } : {}),
  ...(was.enrollmentId !== undefined ? { enrollmentId: was.enrollmentId } : {}),
  targets,
  object,
});

const venStatus = (ven: VenObject): string => (ven.attributes[0]?.values[0] as string | undefined) ?? 'ACTIVE';

/** The enrollment's ven with a new status (pause, resume) or new targets; the rest as last notified. */
function venUpdate(was: KnownObject, at: string, change: { status?: string; targets?: readonly string[] }) {
  const ven = was.object as VenObject;
  const targets = change.targets ?? ven.targets;
  const object = venObject(ven.id, ven.createdDateTime, at, {
    venName: ven.venName,
    status: change.status ?? venStatus(ven),
    targets,
  });
  return updated(was, targets, object);
}

export const vens: NotificationSource = {
  objectType: 'VEN',
  eventTypes: [...ENROLLMENT_EVENT_TYPES, PROGRAM_WITHDRAWN],
  async changes(recorded, known) {
    if (recorded.type === PROGRAM_WITHDRAWN) return programWithdrawn('VEN', recorded.data, known);
    const event = recorded as unknown as EnrollmentEvent;
    const ofEnrollment = () => known.ofEnrollment('VEN', event.data.enrollmentId);
    switch (event.type) {
      case 'ProgramEnrollmentAccepted': {
        const { venId, venName, providerId, programId, enrollmentId, at } = event.data;
        const object = venObject(venId, at, at, { venName, status: 'active', targets: [] });
        return [
          {
            objectType: 'VEN',
            objectId: venId,
            operation: 'CREATE',
            providerId,
            programId,
            enrollmentId,
            targets: [],
            object,
          },
        ];
      }
      case 'ProgramEnrollmentPaused':
        return (await ofEnrollment()).map((was) => venUpdate(was, event.data.at, { status: 'paused' }));
      case 'ProgramEnrollmentResumed':
        return (await ofEnrollment()).map((was) => venUpdate(was, event.data.at, { status: 'active' }));
      case 'VenTargetsAssigned': {
        const was = await known.get('VEN', event.data.venId);
        return was ? [venUpdate(was, event.data.at, { targets: event.data.targets })] : [];
      }
      case 'ProgramEnrollmentEnded':
        return (await ofEnrollment()).map(deleted);
      default:
        return [];
    }
  },
};

export const resources: NotificationSource = {
  objectType: 'RESOURCE',
  eventTypes: [...ENROLLMENT_EVENT_TYPES, PROGRAM_WITHDRAWN],
  async changes(recorded, known) {
    if (recorded.type === PROGRAM_WITHDRAWN) return programWithdrawn('RESOURCE', recorded.data, known);
    const event = recorded as unknown as EnrollmentEvent;
    switch (event.type) {
      case 'ProgramEnrollmentAccepted': {
        const { venId, providerId, programId, enrollmentId, at } = event.data;
        return event.data.resources.map(({ resourceId, resourceName }) => ({
          objectType: 'RESOURCE' as const,
          objectId: resourceId,
          operation: 'CREATE' as const,
          providerId,
          programId,
          enrollmentId,
          targets: [],
          object: resourceObject(resourceId, at, at, { resourceName, venId, targets: [] }),
        }));
      }
      case 'ResourceTargetsAssigned': {
        const was = await known.get('RESOURCE', event.data.resourceId);
        if (!was) return [];
        const resource = was.object as ResourceObject;
        const { targets, at } = event.data;
        const object = resourceObject(resource.id, resource.createdDateTime, at, {
          resourceName: resource.resourceName,
          venId: resource.venID,
          targets,
        });
        return [updated(was, targets, object)];
      }
      case 'ProgramEnrollmentEnded':
        return (await known.ofEnrollment('RESOURCE', event.data.enrollmentId)).map(deleted);
      default:
        // Pausing or resuming changes the ven's status only: its resources stay as they were.
        return [];
    }
  },
};

export const reports: NotificationSource = {
  objectType: 'REPORT',
  eventTypes: [...VEN_REPORT_EVENT_TYPES, PROGRAM_WITHDRAWN],
  async changes(recorded, known) {
    if (recorded.type === PROGRAM_WITHDRAWN) return programWithdrawn('REPORT', recorded.data, known);
    const event = recorded as unknown as VenReportEvent;
    const id = event.data.reportId;
    switch (event.type) {
      case 'VenReportSubmitted': {
        const { providerId, programId, enrollmentId, clientId, content, at } = event.data;
        const object = reportObject(id, clientId, at, at, content);
        return [
          {
            objectType: 'REPORT',
            objectId: id,
            operation: 'CREATE',
            providerId,
            programId,
            enrollmentId,
            targets: [],
            object,
          },
        ];
      }
      case 'VenReportRevised': {
        const was = await known.get('REPORT', id);
        if (!was) return [];
        const report = was.object as ReportObject;
        const object = reportObject(id, report.clientID, report.createdDateTime, event.data.at, event.data.content);
        return [updated(was, [], object)];
      }
      case 'VenReportWithdrawn': {
        const was = await known.get('REPORT', id);
        return was ? [deleted(was)] : [];
      }
      default:
        return [];
    }
  },
};
