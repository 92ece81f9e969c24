import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  notificationSettingsDecider,
  type NotificationSettingsCommand,
} from '../../../domain/notifications/notification-settings.decider.js';
import { INBOX_CHANNEL } from '../../../domain/notifications/notification-topics.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { NOTIFICATION_INBOX_TABLE } from '../notifications-read-model/notifications.tables.js';
import {
  NOTIFICATION_SETTINGS_EVENTS,
  notificationOwnerOf,
  notificationSettingsStream,
} from '../notification-streams.js';
import { loadOwnedChannel } from '../owned-channel.js';
import { MarkInboxRead, SetNotificationPreference, SetQuietHours } from './notification-settings.commands.js';

async function decideSettings(
  store: EventStore,
  request: SetQuietHours['request'],
  command: (ownerId: string) => NotificationSettingsCommand,
): Promise<number> {
  const ownerId = notificationOwnerOf(request.principal);
  const { events } = await handleWithDecider(
    store,
    notificationSettingsStream(ownerId),
    notificationSettingsDecider,
    command(ownerId),
    { actorId: ownerId, correlationId: request.correlationId },
    // Preferences, quiet hours and read marks of one owner only add to each other: decide again after a conflict.
    { events: NOTIFICATION_SETTINGS_EVENTS, attempts: 3 },
  );
  return events.length;
}

@CommandHandler(SetNotificationPreference)
export class SetNotificationPreferenceHandler implements ICommandHandler<SetNotificationPreference, void> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request, topic, channelId, enabled }: SetNotificationPreference): Promise<void> {
    if (channelId !== INBOX_CHANNEL) await loadOwnedChannel(this.store, request.principal, channelId);
    await decideSettings(this.store, request, (ownerId) => ({
      type: 'SetPreference',
      data: { ownerId, topic, channelId, enabled, at: request.at.toISOString() },
    }));
  }
}

@CommandHandler(SetQuietHours)
export class SetQuietHoursHandler implements ICommandHandler<SetQuietHours, void> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ request, quietHours }: SetQuietHours): Promise<void> {
    const at = request.at.toISOString();
    await decideSettings(this.store, request, (ownerId) =>
      quietHours
        ? { type: 'SetQuietHours', data: { ownerId, ...quietHours, at } }
        : { type: 'ClearQuietHours', data: { ownerId, at } },
    );
  }
}

/** Marks the caller's unread items read; ids of items it does not have are ignored. Answers how many it marked. */
@CommandHandler(MarkInboxRead)
export class MarkInboxReadHandler implements ICommandHandler<MarkInboxRead, number> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  async execute({ request, which }: MarkInboxRead): Promise<number> {
    const ownerId = notificationOwnerOf(request.principal);
    const rows = await this.db.query<{ notification_id: string }>(
      `SELECT notification_id FROM ${NOTIFICATION_INBOX_TABLE}
       WHERE owner_id = $1 AND read_at IS NULL ${which === 'all' ? '' : 'AND notification_id = ANY($2::text[])'}
       ORDER BY created_at LIMIT 1000`,
      which === 'all' ? [ownerId] : [ownerId, which.ids],
    );
    const notificationIds = rows.map((r) => r.notification_id);
    await decideSettings(this.store, request, () => ({
      type: 'MarkRead',
      data: { ownerId, notificationIds, at: request.at.toISOString() },
    }));
    return notificationIds.length;
  }
}
