import type { NotificationMessage } from '../../../domain/notifications/notification-message.js';
import type { ChannelKind } from '../../../domain/notifications/notification-topics.js';

/** One delivery as a sender sees it: the message, the channel's address, and the vault entries that sign it. */
export interface OutgoingNotification {
  /** Stable across attempts: the `webhook-id` a receiver dedupes by, the e-mail's Message-ID. */
  readonly deliveryId: string;
  readonly subjectEventId: string;
  readonly ownerId: string;
  readonly attempt: number;
  readonly createdAt: string;
  readonly message: NotificationMessage;
  readonly channel: {
    readonly channelId: string;
    readonly kind: ChannelKind;
    readonly address: string;
    /** Webhooks: the secrets that sign now (the current one, and the previous one during a rotation's overlap). */
    readonly signingSecretKeyIds: readonly string[];
  };
}

/** Delivers over one kind of channel; resolves once the receiver took it, rejects with a NotificationSendError. */
export interface NotificationSender {
  send(notification: OutgoingNotification): Promise<void>;
}

export type NotificationSenders = Readonly<Record<ChannelKind, NotificationSender>>;

export const NOTIFICATION_SENDERS = Symbol('NotificationSenders');

/** A delivery that failed; `retryable` says whether a later attempt may succeed (a 4xx SMTP reply, a 503). */
export class NotificationSendError extends Error {
  override readonly name = 'NotificationSendError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}
