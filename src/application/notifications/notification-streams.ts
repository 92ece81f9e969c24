import { actorIdOf, type Principal } from '../../domain/access/principal.js';
import {
  isNotificationChannelEvent,
  type NotificationChannelEvent,
} from '../../domain/notifications/notification-channel.events.js';
import {
  isNotificationSettingsEvent,
  type NotificationSettingsEvent,
} from '../../domain/notifications/notification-settings.events.js';
import { NotAuthenticatedError } from '../access/access.errors.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const NOTIFICATION_CHANNEL_STREAM_PREFIX = 'notification-channel-';
export const NOTIFICATION_SETTINGS_STREAM_PREFIX = 'notification-settings-';

export const notificationChannelStream = (channelId: string): string =>
  `${NOTIFICATION_CHANNEL_STREAM_PREFIX}${channelId}`;
export const notificationSettingsStream = (ownerId: string): string =>
  `${NOTIFICATION_SETTINGS_STREAM_PREFIX}${ownerId}`;

export const NOTIFICATION_CHANNEL_EVENTS: StreamEvents<NotificationChannelEvent> = {
  accepts: isNotificationChannelEvent,
  schemaVersion: 1,
};

export const NOTIFICATION_SETTINGS_EVENTS: StreamEvents<NotificationSettingsEvent> = {
  accepts: isNotificationSettingsEvent,
  schemaVersion: 1,
};

/**
 * Whose notifications a caller manages: a user's id is the one gateways name as their owner, so alarms of an owner's
 * gateways reach that user; an API client keeps settings of its own (it owns no gateway, so only future topics
 * addressed to it would reach them).
 */
export function notificationOwnerOf(principal: Principal): string {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  return principal.kind === 'user' ? principal.userId : actorIdOf(principal);
}
