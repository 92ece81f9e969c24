import type { GridSignalEvent } from '../../../domain/market/grid-signal.events.js';
import { GRID_SIGNAL_EVENT_TYPES } from '../../../domain/market/grid-signal.events.js';
import {
  OADR_SUBSCRIPTION_EVENT_TYPES,
  type OadrSubscriptionEvent,
} from '../../../domain/market/oadr-subscription.events.js';
import {
  PROGRAM_EVENT_TYPES,
  type ProgramEvent,
  type ProgramWithdrawn,
} from '../../../domain/market/program.events.js';
import { eventObject, programObject, subscriptionObject } from '../openadr-objects.wire.js';
import { deleted, type KnownObject, type NotificationSource } from './notification-source.js';
import { reports, resources, vens } from './participant-notification-sources.js';

export type { KnownObject, KnownObjects, NotificationSource } from './notification-source.js';

const PROGRAM_WITHDRAWN: ProgramWithdrawn['type'] = 'ProgramWithdrawn';

const programs: NotificationSource = {
  objectType: 'PROGRAM',
  eventTypes: PROGRAM_EVENT_TYPES,
  async changes(recorded, known) {
    const event = recorded as unknown as ProgramEvent;
    const id = event.data.programId;
    switch (event.type) {
      case 'ProgramPublished': {
        const { providerId, content, at } = event.data;
        const object = programObject(id, at, at, content);
        return [
          {
            objectType: 'PROGRAM',
            objectId: id,
            operation: 'CREATE',
            providerId,
            programId: id,
            targets: content.targets ?? [],
            object,
          },
        ];
      }
      case 'ProgramRevised': {
        const was = await known.get('PROGRAM', id);
        if (!was) return [];
        const { content, at } = event.data;
        const object = programObject(id, was.createdAt, at, content);
        return [
          {
            objectType: 'PROGRAM',
            objectId: id,
            operation: 'UPDATE',
            providerId: was.providerId,
            programId: id,
            targets: content.targets ?? [],
            object,
          },
        ];
      }
      case 'ProgramWithdrawn': {
        const was = await known.get('PROGRAM', id);
        return was ? [deleted(was)] : [];
      }
      default:
        return [];
    }
  },
};

const events: NotificationSource = {
  objectType: 'EVENT',
  eventTypes: [...GRID_SIGNAL_EVENT_TYPES, PROGRAM_WITHDRAWN],
  async changes(recorded, known) {
    if (recorded.type === PROGRAM_WITHDRAWN) {
      // A withdrawn program takes its events out of every view: each of them is deleted for subscribers too.
      const { programId } = recorded.data as ProgramWithdrawn['data'];
      return (await known.ofProgram('EVENT', programId)).map(deleted);
    }
    const event = recorded as unknown as GridSignalEvent;
    const id = event.data.eventId;
    switch (event.type) {
      case 'GridSignalPublished': {
        const { providerId, programId, content, at } = event.data;
        const object = eventObject(id, at, at, content);
        return [
          {
            objectType: 'EVENT',
            objectId: id,
            operation: 'CREATE',
            providerId,
            programId,
            targets: content.targets ?? [],
            object,
          },
        ];
      }
      case 'GridSignalRevised': {
        const was = await known.get('EVENT', id);
        if (!was) return [];
        const { content, at } = event.data;
        const object = eventObject(id, was.createdAt, at, content);
        return [
          {
            objectType: 'EVENT',
            objectId: id,
            operation: 'UPDATE',
            providerId: was.providerId,
            programId: content.programID,
            targets: content.targets ?? [],
            object,
          },
        ];
      }
      case 'GridSignalWithdrawn': {
        // A zeroed event (PUT to 0001-01-01 + PT0S) stays readable: its revision was the UPDATE subscribers heard of.
        if (event.data.mode !== 'deleted') return [];
        const was = await known.get('EVENT', id);
        return was ? [deleted(was)] : [];
      }
      default:
        return [];
    }
  },
};

const subscriptions: NotificationSource = {
  objectType: 'SUBSCRIPTION',
  eventTypes: OADR_SUBSCRIPTION_EVENT_TYPES,
  async changes(recorded, known) {
    const event = recorded as unknown as OadrSubscriptionEvent;
    const id = event.data.subscriptionId;
    const change = (
      operation: 'CREATE' | 'UPDATE',
      was: Pick<KnownObject, 'providerId' | 'createdAt'>,
      clientId: string,
    ) => {
      if (event.type === 'OadrSubscriptionDeleted') return [];
      const { content, at } = event.data;
      const object = subscriptionObject(id, clientId, was.createdAt, at, content);
      return [
        {
          objectType: 'SUBSCRIPTION' as const,
          objectId: id,
          operation,
          providerId: was.providerId,
          ...(content.programID !== undefined ? { programId: content.programID } : {}),
          targets: content.targets ?? [],
          object,
        },
      ];
    };
    switch (event.type) {
      case 'OadrSubscriptionCreated':
        return change('CREATE', { providerId: event.data.providerId, createdAt: event.data.at }, event.data.clientId);
      case 'OadrSubscriptionRevised': {
        const was = await known.get('SUBSCRIPTION', id);
        return was ? change('UPDATE', was, (was.object as { clientID: string }).clientID) : [];
      }
      case 'OadrSubscriptionDeleted': {
        const was = await known.get('SUBSCRIPTION', id);
        return was ? [deleted(was)] : [];
      }
      default:
        return [];
    }
  },
};

/** Every object type subscribers can hear of. */
export const NOTIFICATION_SOURCES: readonly NotificationSource[] = [
  programs,
  events,
  subscriptions,
  vens,
  resources,
  reports,
];

/** The log event types the sources (and the subscriptions' own fold) need. */
export function notificationEventTypes(sources: readonly NotificationSource[]): string[] {
  return [...new Set([...sources.flatMap((s) => s.eventTypes), ...OADR_SUBSCRIPTION_EVENT_TYPES])];
}
