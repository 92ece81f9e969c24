import { assertNever, type Decider } from '../shared/decider.js';
import type { NotificationSettingsEvent } from './notification-settings.events.js';
import { InvalidNotificationSettingError } from './notification.errors.js';
import { INBOX_CHANNEL, isNotificationTopic, type NotificationTopic } from './notification-topics.js';
import { quietHoursProblems, type QuietHours } from './quiet-hours.js';

/** One owner's preferences (topic × channel, only those turned off or on again) and quiet hours. */
export interface NotificationSettingsState {
  readonly preferences: ReadonlyMap<string, boolean>;
  readonly quietHours: QuietHours | null;
}

export type NotificationSettingsCommand =
  | {
      readonly type: 'SetPreference';
      readonly data: { ownerId: string; topic: string; channelId: string; enabled: boolean; at: string };
    }
  | { readonly type: 'SetQuietHours'; readonly data: QuietHours & { ownerId: string; at: string } }
  | { readonly type: 'ClearQuietHours'; readonly data: { ownerId: string; at: string } }
  | {
      readonly type: 'MarkRead';
      readonly data: { ownerId: string; notificationIds: readonly string[]; at: string };
    };

export const preferenceKey = (topic: NotificationTopic, channelId: string): string => `${topic}/${channelId}`;

const initialState = (): NotificationSettingsState => ({ preferences: new Map(), quietHours: null });

function evolve(state: NotificationSettingsState, event: NotificationSettingsEvent): NotificationSettingsState {
  switch (event.type) {
    case 'NotificationPreferenceSet': {
      const preferences = new Map(state.preferences);
      preferences.set(preferenceKey(event.data.topic, event.data.channelId), event.data.enabled);
      return { ...state, preferences };
    }
    case 'NotificationQuietHoursSet': {
      const { start, end, timeZone } = event.data;
      return { ...state, quietHours: { start, end, timeZone } };
    }
    case 'NotificationQuietHoursCleared':
      return { ...state, quietHours: null };
    case 'NotificationsMarkedRead':
      return state;
    default:
      return assertNever(event);
  }
}

/** A preference the channel already has (on by default) decides nothing, so a repeated PUT appends nothing. */
function decide(command: NotificationSettingsCommand, state: NotificationSettingsState): NotificationSettingsEvent[] {
  switch (command.type) {
    case 'SetPreference': {
      const { ownerId, topic, channelId, enabled, at } = command.data;
      if (!isNotificationTopic(topic))
        throw new InvalidNotificationSettingError([`unknown topic ${JSON.stringify(topic)}`]);
      if (channelId === INBOX_CHANNEL) {
        throw new InvalidNotificationSettingError(['the inbox always receives every topic']);
      }
      if ((state.preferences.get(preferenceKey(topic, channelId)) ?? true) === enabled) return [];
      return [{ type: 'NotificationPreferenceSet', data: { ownerId, topic, channelId, enabled, at } }];
    }
    case 'SetQuietHours': {
      const { ownerId, start, end, timeZone, at } = command.data;
      const problems = quietHoursProblems({ start, end, timeZone });
      if (problems.length > 0) throw new InvalidNotificationSettingError(problems);
      const current = state.quietHours;
      if (current && current.start === start && current.end === end && current.timeZone === timeZone) return [];
      return [{ type: 'NotificationQuietHoursSet', data: { ownerId, start, end, timeZone, at } }];
    }
    case 'ClearQuietHours':
      return state.quietHours ? [{ type: 'NotificationQuietHoursCleared', data: command.data }] : [];
    case 'MarkRead': {
      const { ownerId, notificationIds, at } = command.data;
      if (notificationIds.length === 0) return [];
      return [{ type: 'NotificationsMarkedRead', data: { ownerId, notificationIds: [...notificationIds], at } }];
    }
    default:
      return assertNever(command);
  }
}

export const notificationSettingsDecider: Decider<
  NotificationSettingsState,
  NotificationSettingsCommand,
  NotificationSettingsEvent
> = { decide, evolve, initialState };
