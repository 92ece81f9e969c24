import type { NotificationMessage } from '../../../domain/notifications/notification-message.js';
import { isUrgent } from '../../../domain/notifications/notification-topics.js';
import { quietHoursEnd } from '../../../domain/notifications/quiet-hours.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { TableResolver } from '../../projections/projection.js';
import { derivedUuid } from '../../shared/derived-uuid.js';
import {
  NOTIFICATION_CHANNELS_TABLE,
  NOTIFICATION_DELIVERIES_TABLE,
  NOTIFICATION_INBOX_TABLE,
  NOTIFICATION_PREFERENCES_TABLE,
  NOTIFICATION_QUIET_HOURS_TABLE,
} from '../notifications-read-model/notifications.tables.js';

export interface PlannedNotification {
  readonly ownerId: string;
  /** The id of the event the notification is about: with the topic and the channel, the delivery's key. */
  readonly subjectEventId: string;
  readonly message: NotificationMessage;
  /** When the subject event was recorded: what quiet hours are judged by, so a replay plans the same. */
  readonly at: string;
}

/** The inbox item's id: one per owner, topic and subject event, the same on every replay. */
export const inboxNotificationId = (ownerId: string, topic: string, subjectEventId: string): string =>
  derivedUuid(`notification-inbox:${ownerId}:${topic}:${subjectEventId}`);

export const deliveryIdOf = (topic: string, subjectEventId: string, channelId: string): string =>
  derivedUuid(`notification-delivery:${topic}:${subjectEventId}:${channelId}`);

/**
 * Puts one notification in the owner's inbox and queues one delivery per channel that takes its topic, inside the
 * projection's transaction. Every insert is keyed (topic, subject event, channel) and skips a key it already holds, and
 * the deliveries table is never rebuilt, so a replay, a rebuild or a batch applied twice queues nothing new. Outside
 * urgent topics, a delivery planned in the owner's quiet hours waits for their end; the inbox never waits.
 */
export async function planNotification(
  tx: SqlExecutor,
  table: TableResolver,
  planned: PlannedNotification,
): Promise<void> {
  const { ownerId, subjectEventId, message, at } = planned;
  await tx.query(
    `INSERT INTO ${table(NOTIFICATION_INBOX_TABLE)}
       (notification_id, owner_id, topic, subject_event_id, title, text, data, urgent, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::timestamptz) ON CONFLICT (notification_id) DO NOTHING`,
    [
      inboxNotificationId(ownerId, message.topic, subjectEventId),
      ownerId,
      message.topic,
      subjectEventId,
      message.title,
      message.text,
      JSON.stringify(message.data),
      message.urgent,
      at,
    ],
  );
  // The owner hears of a broken channel in the inbox only: the other channels may be broken the same way.
  if (message.topic === 'channel_broken') return;
  const channels = await tx.query<{ channel_id: string; kind: string }>(
    `SELECT c.channel_id, c.kind FROM ${table(NOTIFICATION_CHANNELS_TABLE)} c
     WHERE c.owner_id = $1 AND c.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM ${table(NOTIFICATION_PREFERENCES_TABLE)} p
                       WHERE p.owner_id = c.owner_id AND p.channel_id = c.channel_id AND p.topic = $2 AND NOT p.enabled)`,
    [ownerId, message.topic],
  );
  if (channels.length === 0) return;
  const [quiet] = await tx.query<{ start_time: string; end_time: string; time_zone: string }>(
    `SELECT start_time, end_time, time_zone FROM ${table(NOTIFICATION_QUIET_HOURS_TABLE)} WHERE owner_id = $1`,
    [ownerId],
  );
  const due =
    quiet && !isUrgent(message.topic, message.urgent)
      ? (quietHoursEnd({ start: quiet.start_time, end: quiet.end_time, timeZone: quiet.time_zone }, new Date(at)) ??
        new Date(at))
      : new Date(at);
  for (const channel of channels) {
    await tx.query(
      `INSERT INTO ${NOTIFICATION_DELIVERIES_TABLE}
         (topic, subject_event_id, channel_id, delivery_id, owner_id, kind, message, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::timestamptz, $9::timestamptz)
       ON CONFLICT (topic, subject_event_id, channel_id) DO NOTHING`,
      [
        message.topic,
        subjectEventId,
        channel.channel_id,
        deliveryIdOf(message.topic, subjectEventId, channel.channel_id),
        ownerId,
        channel.kind,
        JSON.stringify(message),
        due.toISOString(),
        at,
      ],
    );
  }
}
