/**
 * What an owner can be told about. Today the monitoring context produces `alarm_raised` and `alarm_cleared`, and the
 * delivery worker `channel_broken`; the others are reserved for the market and automation contexts, so their producers
 * plug in without a new event shape or a migration of preferences.
 */
export const NOTIFICATION_TOPICS = [
  'alarm_raised',
  'alarm_cleared',
  'dr_event_announced',
  'dr_event_started',
  'dr_event_ended',
  'price_threshold',
  'alert',
  'curtailment_failed',
  'channel_broken',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export function isNotificationTopic(value: unknown): value is NotificationTopic {
  return typeof value === 'string' && (NOTIFICATION_TOPICS as readonly string[]).includes(value);
}

/**
 * Topics that go out during quiet hours: a failed shed leaves a load off that the owner expected on. A grid emergency
 * is an `alert` whose producer marks it urgent (`ALERT_GRID_EMERGENCY`), so urgency is also a property of the
 * notification, not only of its topic.
 */
export const ALWAYS_URGENT_TOPICS: readonly NotificationTopic[] = ['curtailment_failed'];

export function isUrgent(topic: NotificationTopic, markedUrgent: boolean): boolean {
  return markedUrgent || ALWAYS_URGENT_TOPICS.includes(topic);
}

/** Channels an owner adds. The in-app inbox is not one of them: it always exists and always receives. */
export const CHANNEL_KINDS = ['webhook', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** The channel id preferences use for the inbox. */
export const INBOX_CHANNEL = 'inbox';
