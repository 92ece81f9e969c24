import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_KINDS, NOTIFICATION_TOPICS } from '../../../domain/notifications/notification-topics.js';

export class NotificationChannelDto {
  @ApiProperty({ format: 'uuid' })
  channelId!: string;
  @ApiProperty({ enum: CHANNEL_KINDS })
  kind!: (typeof CHANNEL_KINDS)[number];
  @ApiProperty()
  address!: string;
  @ApiProperty({ enum: ['unverified', 'active', 'disabled', 'broken'] })
  status!: string;
  @ApiProperty()
  verified!: boolean;
  @ApiPropertyOptional({ description: 'Webhooks: the fingerprint of the secret that signs now' })
  signingSecretFingerprint?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Webhooks: the previous secret signs too until then' })
  previousSecretValidUntil?: string;
}

export class NotificationChannelPageDto {
  @ApiProperty({ type: [NotificationChannelDto] })
  items!: NotificationChannelDto[];
}

export class NotificationChannelWithSecretDto {
  @ApiProperty({ type: NotificationChannelDto })
  channel!: NotificationChannelDto;
  @ApiPropertyOptional({ description: 'Webhooks: the signing secret (`whsec_…`), shown this once only' })
  signingSecret?: string;
}

export class ChannelPreferencesDto {
  @ApiProperty({ description: '`inbox` or a channel id' })
  channelId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'boolean' },
    description: 'Per topic: whether it reaches the channel',
  })
  topics!: Record<string, boolean>;
}

export class QuietHoursDto {
  @ApiProperty()
  start!: string;
  @ApiProperty()
  end!: string;
  @ApiProperty()
  timeZone!: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_TOPICS, isArray: true })
  topics!: string[];
  @ApiProperty({ type: [ChannelPreferencesDto] })
  channels!: ChannelPreferencesDto[];
  @ApiProperty({ type: QuietHoursDto, nullable: true })
  quietHours!: QuietHoursDto | null;
}

export class InboxItemDto {
  @ApiProperty({ format: 'uuid' })
  notificationId!: string;
  @ApiProperty({ enum: NOTIFICATION_TOPICS })
  topic!: string;
  @ApiProperty({ description: 'The event the notification is about' })
  subjectEventId!: string;
  @ApiProperty()
  title!: string;
  @ApiProperty()
  text!: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;
  @ApiProperty()
  urgent!: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] })
  items!: InboxItemDto[];
  @ApiProperty({ description: 'Unread items in all' })
  unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many unread items were marked read' })
  marked!: number;
}
