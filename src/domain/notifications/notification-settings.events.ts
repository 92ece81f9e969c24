import type { DomainEvent } from '../shared/event.js';
import type { NotificationTopic } from './notification-topics.js';

/** Whether `channelId` receives `topic`. A channel receives every topic until its owner turns one off. */
export type NotificationPreferenceSet = DomainEvent<
  'NotificationPreferenceSet',
  {
    readonly ownerId: string;
    readonly topic: NotificationTopic;
    readonly channelId: string;
    readonly enabled: boolean;
    readonly at: string;
  }
>;

/** Local wall-clock times `HH:MM` in `timeZone`; `start` after `end` crosses midnight. */
export type NotificationQuietHoursSet = DomainEvent<
  'NotificationQuietHoursSet',
  {
    readonly ownerId: string;
    readonly start: string;
    readonly end: string;
    readonly timeZone: string;
    readonly at: string;
  }
>;

export type NotificationQuietHoursCleared = DomainEvent<
  'NotificationQuietHoursCleared',
  { readonly ownerId: string; readonly at: string }
>;

/** Inbox items the owner has read (their notification ids). */
export type NotificationsMarkedRead = DomainEvent<
  'NotificationsMarkedRead',
  { readonly ownerId: string; readonly notificationIds: readonly string[]; readonly at: string }
>;

export type NotificationSettingsEvent =
  NotificationPreferenceSet | NotificationQuietHoursSet | NotificationQuietHoursCleared | NotificationsMarkedRead;

/** The stored type names of `notification-settings-<ownerId>` streams. */
export const NOTIFICATION_SETTINGS_EVENT_TYPES: readonly NotificationSettingsEvent['type'][] = [
  'NotificationPreferenceSet',
  'NotificationQuietHoursSet',
  'NotificationQuietHoursCleared',
  'NotificationsMarkedRead',
];

export function isNotificationSettingsEvent(event: { readonly type: string }): event is NotificationSettingsEvent {
  return (NOTIFICATION_SETTINGS_EVENT_TYPES as readonly string[]).includes(event.type);
}
