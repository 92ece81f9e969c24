import { GATEWAY_EVENT_TYPES, type GatewayEvent } from '../../../domain/gateways/gateway.events.js';
import { ALARM_EVENT_TYPES, isAlarmEvent } from '../../../domain/monitoring/alarm.events.js';
import {
  NOTIFICATION_CHANNEL_EVENT_TYPES,
  isNotificationChannelEvent,
  type NotificationChannelEvent,
} from '../../../domain/notifications/notification-channel.events.js';
import { alarmMessage, channelBrokenMessage } from '../../../domain/notifications/notification-message.js';
import {
  NOTIFICATION_SETTINGS_EVENT_TYPES,
  isNotificationSettingsEvent,
  type NotificationSettingsEvent,
} from '../../../domain/notifications/notification-settings.events.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import type { Projection, TableResolver } from '../../projections/projection.js';
import type { ReadModel } from '../../projections/read-model.js';
import { planNotification } from '../deliver-notifications/plan-notification.js';
import {
  NOTIFICATION_CHANNELS_TABLE,
  NOTIFICATION_GATEWAY_OWNERS_TABLE,
  NOTIFICATION_INBOX_TABLE,
  NOTIFICATION_PREFERENCES_TABLE,
  NOTIFICATION_QUIET_HOURS_TABLE,
  NOTIFICATIONS_MIGRATIONS,
} from './notifications.tables.js';

const OWNER_EVENTS: readonly string[] = ['GatewayRegistered', 'GatewayOwnerChanged'];

async function applyChannelEvent(
  event: RecordedEvent & NotificationChannelEvent,
  tx: SqlExecutor,
  table: TableResolver,
): Promise<void> {
  const channels = table(NOTIFICATION_CHANNELS_TABLE);
  const at = event.recordedAt;
  const update = (set: string, params: readonly unknown[] = []) =>
    tx.query(`UPDATE ${channels} SET ${set}, updated_at = $2::timestamptz WHERE channel_id = $1`, [
      event.data.channelId,
      at,
      ...params,
    ]);
  switch (event.type) {
    case 'NotificationChannelAdded': {
      const { channelId, ownerId, kind, address, signingSecret } = event.data;
      await tx.query(
        `INSERT INTO ${channels} (channel_id, owner_id, kind, address, status, verified, secret_key_id,
           secret_fingerprint, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $9::timestamptz) ON CONFLICT (channel_id) DO NOTHING`,
        [
          channelId,
          ownerId,
          kind,
          address,
          kind === 'webhook' ? 'active' : 'unverified',
          kind === 'webhook',
          signingSecret?.keyId ?? null,
          signingSecret?.fingerprint ?? null,
          at,
        ],
      );
      return;
    }
    case 'NotificationChannelCodeSent':
    case 'NotificationChannelVerificationFailed':
      return;
    case 'NotificationChannelVerified':
      await update(`status = 'active', verified = true`);
      return;
    case 'NotificationWebhookSecretRotated':
      await update(
        `previous_secret_key_id = $3, previous_valid_until = $4::timestamptz, secret_key_id = $5, secret_fingerprint = $6`,
        [
          event.data.previous.keyId,
          event.data.previousValidUntil,
          event.data.signingSecret.keyId,
          event.data.signingSecret.fingerprint,
        ],
      );
      return;
    case 'NotificationChannelDisabled':
      await update(`status = $3`, [event.data.reason === 'broken' ? 'broken' : 'disabled']);
      if (event.data.reason === 'broken') {
        await planNotification(tx, table, {
          ownerId: event.data.ownerId,
          subjectEventId: event.id,
          message: channelBrokenMessage(event.data),
          at,
        });
      }
      return;
    case 'NotificationChannelEnabled':
      await update(`status = CASE WHEN verified THEN 'active' ELSE 'unverified' END`);
      return;
    case 'NotificationChannelRemoved':
      await update(`status = 'removed'`);
      return;
    default:
      assertNever(event);
  }
}

async function applySettingsEvent(
  event: RecordedEvent & NotificationSettingsEvent,
  tx: SqlExecutor,
  table: TableResolver,
): Promise<void> {
  switch (event.type) {
    case 'NotificationPreferenceSet': {
      const { ownerId, topic, channelId, enabled } = event.data;
      await tx.query(
        `INSERT INTO ${table(NOTIFICATION_PREFERENCES_TABLE)} (owner_id, topic, channel_id, enabled) VALUES ($1, $2, $3, $4)
         ON CONFLICT (owner_id, topic, channel_id) DO UPDATE SET enabled = EXCLUDED.enabled`,
        [ownerId, topic, channelId, enabled],
      );
      return;
    }
    case 'NotificationQuietHoursSet': {
      const { ownerId, start, end, timeZone } = event.data;
      await tx.query(
        `INSERT INTO ${table(NOTIFICATION_QUIET_HOURS_TABLE)} (owner_id, start_time, end_time, time_zone) VALUES ($1, $2, $3, $4)
         ON CONFLICT (owner_id) DO UPDATE SET start_time = EXCLUDED.start_time, end_time = EXCLUDED.end_time,
           time_zone = EXCLUDED.time_zone`,
        [ownerId, start, end, timeZone],
      );
      return;
    }
    case 'NotificationQuietHoursCleared':
      await tx.query(`DELETE FROM ${table(NOTIFICATION_QUIET_HOURS_TABLE)} WHERE owner_id = $1`, [event.data.ownerId]);
      return;
    case 'NotificationsMarkedRead':
      await tx.query(
        `UPDATE ${table(NOTIFICATION_INBOX_TABLE)} SET read_at = $3::timestamptz
         WHERE owner_id = $1 AND notification_id = ANY($2::text[]) AND read_at IS NULL`,
        [event.data.ownerId, event.data.notificationIds, event.data.at],
      );
      return;
    default:
      assertNever(event);
  }
}

async function applyOwnerEvent(event: RecordedEvent, tx: SqlExecutor, table: TableResolver): Promise<void> {
  const data = (event as RecordedEvent & GatewayEvent).data as { gatewayId: string; ownerId: string };
  await tx.query(
    `INSERT INTO ${table(NOTIFICATION_GATEWAY_OWNERS_TABLE)} (gateway_id, owner_id) VALUES ($1, $2)
     ON CONFLICT (gateway_id) DO UPDATE SET owner_id = EXCLUDED.owner_id`,
    [data.gatewayId, data.ownerId],
  );
}

/**
 * The owner's channels, preferences, quiet hours and inbox, and the planner of deliveries: an alarm raised or cleared
 * on a gateway's node notifies the gateway's owner at the time of the alarm. Channels, preferences and owners are
 * folded from the same ordered log as the alarms, so what an alarm is planned against does not depend on which
 * projection ran first, and a rebuild plans the very same keys (which the deliveries table already holds).
 */
export const notificationsProjection: Projection = {
  name: NOTIFICATION_CHANNELS_TABLE,
  eventTypes: [
    ...NOTIFICATION_CHANNEL_EVENT_TYPES,
    ...NOTIFICATION_SETTINGS_EVENT_TYPES,
    ...ALARM_EVENT_TYPES,
    ...GATEWAY_EVENT_TYPES.filter((type) => OWNER_EVENTS.includes(type)),
  ],
  tables: [
    NOTIFICATION_CHANNELS_TABLE,
    NOTIFICATION_PREFERENCES_TABLE,
    NOTIFICATION_QUIET_HOURS_TABLE,
    NOTIFICATION_GATEWAY_OWNERS_TABLE,
    NOTIFICATION_INBOX_TABLE,
  ],
  async apply(batch: readonly RecordedEvent[], tx: SqlExecutor, { table }: { table: TableResolver }) {
    for (const event of batch) {
      if (isNotificationChannelEvent(event)) await applyChannelEvent(event, tx, table);
      else if (isNotificationSettingsEvent(event)) await applySettingsEvent(event, tx, table);
      else if (OWNER_EVENTS.includes(event.type)) await applyOwnerEvent(event, tx, table);
      else if (isAlarmEvent(event)) {
        const [owner] = await tx.query<{ owner_id: string }>(
          `SELECT owner_id FROM ${table(NOTIFICATION_GATEWAY_OWNERS_TABLE)} WHERE gateway_id = $1`,
          [event.data.gatewayId],
        );
        if (!owner) continue;
        await planNotification(tx, table, {
          ownerId: owner.owner_id,
          subjectEventId: event.id,
          message: alarmMessage(event),
          at: event.recordedAt,
        });
      }
    }
  },
};

export const notificationsReadModel: ReadModel = {
  migrations: NOTIFICATIONS_MIGRATIONS,
  projection: () => notificationsProjection,
};
