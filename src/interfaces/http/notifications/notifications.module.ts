import { Module } from '@nestjs/common';
import {
  AddNotificationChannelHandler,
  RemoveNotificationChannelHandler,
  RotateWebhookSecretHandler,
  SendChannelVerificationCodeHandler,
  SetNotificationChannelEnabledHandler,
  VerifyNotificationChannelHandler,
} from '../../../application/notifications/manage-channels/notification-channel.handlers.js';
import {
  MarkInboxReadHandler,
  SetNotificationPreferenceHandler,
  SetQuietHoursHandler,
} from '../../../application/notifications/manage-settings/notification-settings.handlers.js';
import {
  GetNotificationChannelHandler,
  GetNotificationPreferencesHandler,
  ListInboxHandler,
  ListNotificationChannelsHandler,
} from '../../../application/notifications/query-notifications/notification-query.handlers.js';
import { NotificationChannelsController } from './notification-channels.controller.js';
import { NotificationSettingsController } from './notification-settings.controller.js';

/** Owners' notification channels, preferences, quiet hours and inbox under `/api/notifications`. */
@Module({
  controllers: [NotificationChannelsController, NotificationSettingsController],
  providers: [
    AddNotificationChannelHandler,
    SendChannelVerificationCodeHandler,
    VerifyNotificationChannelHandler,
    RotateWebhookSecretHandler,
    SetNotificationChannelEnabledHandler,
    RemoveNotificationChannelHandler,
    SetNotificationPreferenceHandler,
    SetQuietHoursHandler,
    MarkInboxReadHandler,
    ListNotificationChannelsHandler,
    GetNotificationChannelHandler,
    GetNotificationPreferencesHandler,
    ListInboxHandler,
  ],
})
export class NotificationsModule {}
