import type { ObjectChange } from '../../../domain/market/oadr-notification-matching.js';
import type { ObjectType } from '../../../domain/market/openadr-objects.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';

/** An object as last notified: what an UPDATE keeps (its creation time) and a DELETE sends (the object as it was). */
export interface KnownObject {
  readonly objectType: ObjectType;
  readonly objectId: string;
  readonly providerId: string;
  readonly programId?: string;
  readonly enrollmentId?: string;
  readonly targets: readonly string[];
  readonly createdAt: string;
  readonly object: unknown;
}

/** The notification process's memory of live objects, read inside its transaction. */
export interface KnownObjects {
  get(objectType: ObjectType, objectId: string): Promise<KnownObject | undefined>;
  ofProgram(objectType: ObjectType, programId: string): Promise<KnownObject[]>;
  /** The live objects of an enrollment, for the log events that name only the enrollment (pause, resume, end). */
  ofEnrollment(objectType: ObjectType, enrollmentId: string): Promise<KnownObject[]>;
}

/**
 * Turns the log events of one OpenADR object type into changes subscribers may hear of. An object type plugs in by
 * adding its source to NOTIFICATION_SOURCES: the process, the matcher and the sender take the object type by name
 * and need nothing else.
 */
export interface NotificationSource {
  readonly objectType: ObjectType;
  readonly eventTypes: readonly string[];
  changes(event: RecordedEvent, known: KnownObjects): Promise<ObjectChange[]>;
}

/** The DELETE of an object as it was last notified. */
export const deleted = (was: KnownObject): ObjectChange => ({
  objectType: was.objectType,
  objectId: was.objectId,
  operation: 'DELETE',
  providerId: was.providerId,
  ...(was.programId !== undefined ? { programId: was.programId } : {}),
  ...(was.enrollmentId !== undefined ? { enrollmentId: was.enrollmentId } : {}),
  targets: was.targets,
  object: was.object,
});
