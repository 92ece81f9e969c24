import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  INBOX_CHANNEL,
  NOTIFICATION_TOPICS,
  type NotificationTopic,
} from '../../../domain/notifications/notification-topics.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { epochMs, isoFromEpochMs } from '../../shared/sql.js';
import { channelView, type NotificationChannelView } from '../notification-channel-view.js';
import { notificationOwnerOf } from '../notification-streams.js';
import {
  NOTIFICATION_CHANNELS_TABLE,
  NOTIFICATION_INBOX_TABLE,
  NOTIFICATION_PREFERENCES_TABLE,
  NOTIFICATION_QUIET_HOURS_TABLE,
} from '../notifications-read-model/notifications.tables.js';
import { loadOwnedChannel } from '../owned-channel.js';
import {
  GetNotificationChannel,
  GetNotificationPreferences,
  ListInbox,
  ListNotificationChannels,
} from './notification.queries.js';

interface ChannelRow {
  channel_id: string;
  kind: 'webhook' | 'email';
  address: string;
  status: NotificationChannelView['status'];
  verified: boolean;
  secret_fingerprint: string | null;
  previous_valid_until: number | null;
}

@QueryHandler(ListNotificationChannels)
export class ListNotificationChannelsHandler implements IQueryHandler<
  ListNotificationChannels,
  { items: NotificationChannelView[] }
> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal }: ListNotificationChannels): Promise<{ items: NotificationChannelView[] }> {
    const rows = await this.db.query<ChannelRow>(
      `SELECT channel_id, kind, address, status, verified, secret_fingerprint, ${epochMs('previous_valid_until')}
       FROM ${NOTIFICATION_CHANNELS_TABLE} WHERE owner_id = $1 AND status <> 'removed' ORDER BY created_at, channel_id`,
      [notificationOwnerOf(principal)],
    );
    return {
      items: rows.map((r) => ({
        channelId: r.channel_id,
        kind: r.kind,
        address: r.address,
        status: r.status,
        verified: r.verified,
        ...(r.secret_fingerprint ? { signingSecretFingerprint: r.secret_fingerprint } : {}),
        ...(r.previous_valid_until !== null
          ? { previousSecretValidUntil: isoFromEpochMs(r.previous_valid_until) }
          : {}),
      })),
    };
  }
}

@QueryHandler(GetNotificationChannel)
export class GetNotificationChannelHandler implements IQueryHandler<GetNotificationChannel, NotificationChannelView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ principal, channelId }: GetNotificationChannel): Promise<NotificationChannelView> {
    return channelView(await loadOwnedChannel(this.store, principal, channelId));
  }
}

export interface NotificationPreferencesView {
  readonly topics: readonly NotificationTopic[];
  /** Per channel (the inbox first), whether each topic reaches it. */
  readonly channels: readonly { readonly channelId: string; readonly topics: Record<string, boolean> }[];
  readonly quietHours: { readonly start: string; readonly end: string; readonly timeZone: string } | null;
}

@QueryHandler(GetNotificationPreferences)
export class GetNotificationPreferencesHandler implements IQueryHandler<
  GetNotificationPreferences,
  NotificationPreferencesView
> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal }: GetNotificationPreferences): Promise<NotificationPreferencesView> {
    const ownerId = notificationOwnerOf(principal);
    const channels = await this.db.query<{ channel_id: string }>(
      `SELECT channel_id FROM ${NOTIFICATION_CHANNELS_TABLE} WHERE owner_id = $1 AND status <> 'removed'
       ORDER BY created_at, channel_id`,
      [ownerId],
    );
    const off = await this.db.query<{ topic: string; channel_id: string }>(
      `SELECT topic, channel_id FROM ${NOTIFICATION_PREFERENCES_TABLE} WHERE owner_id = $1 AND NOT enabled`,
      [ownerId],
    );
    const [quiet] = await this.db.query<{ start_time: string; end_time: string; time_zone: string }>(
      `SELECT start_time, end_time, time_zone FROM ${NOTIFICATION_QUIET_HOURS_TABLE} WHERE owner_id = $1`,
      [ownerId],
    );
    const disabled = new Set(off.map((o) => `${o.topic}/${o.channel_id}`));
    const topicsOf = (channelId: string) =>
      Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t, !disabled.has(`${t}/${channelId}`)]));
    return {
      topics: NOTIFICATION_TOPICS,
      channels: [INBOX_CHANNEL, ...channels.map((c) => c.channel_id)].map((channelId) => ({
        channelId,
        topics: topicsOf(channelId),
      })),
      quietHours: quiet ? { start: quiet.start_time, end: quiet.end_time, timeZone: quiet.time_zone } : null,
    };
  }
}

export interface InboxItemView {
  readonly notificationId: string;
  readonly topic: string;
  readonly subjectEventId: string;
  readonly title: string;
  readonly text: string;
  readonly data: Record<string, unknown>;
  readonly urgent: boolean;
  readonly createdAt: string;
  readonly readAt: string | null;
}

@QueryHandler(ListInbox)
export class ListInboxHandler implements IQueryHandler<ListInbox, { items: InboxItemView[]; unread: number }> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, unreadOnly, limit }: ListInbox): Promise<{ items: InboxItemView[]; unread: number }> {
    const ownerId = notificationOwnerOf(principal);
    const rows = await this.db.query<{
      notification_id: string;
      topic: string;
      subject_event_id: string;
      title: string;
      text: string;
      data: Record<string, unknown>;
      urgent: boolean;
      created_at: number;
      read_at: number | null;
    }>(
      `SELECT notification_id, topic, subject_event_id, title, text, data, urgent, ${epochMs('created_at')},
         ${epochMs('read_at')}
       FROM ${NOTIFICATION_INBOX_TABLE} WHERE owner_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
       ORDER BY created_at DESC, notification_id LIMIT $2`,
      [ownerId, limit],
    );
    const [count] = await this.db.query<{ unread: number }>(
      `SELECT count(*)::int AS unread FROM ${NOTIFICATION_INBOX_TABLE} WHERE owner_id = $1 AND read_at IS NULL`,
      [ownerId],
    );
    return {
      items: rows.map((r) => ({
        notificationId: r.notification_id,
        topic: r.topic,
        subjectEventId: r.subject_event_id,
        title: r.title,
        text: r.text,
        data: r.data,
        urgent: r.urgent,
        createdAt: isoFromEpochMs(r.created_at),
        readAt: r.read_at === null ? null : isoFromEpochMs(r.read_at),
      })),
      unread: Number(count?.unread ?? 0),
    };
  }
}
