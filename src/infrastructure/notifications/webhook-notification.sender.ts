import type { KeyVault } from '../../application/gateways/ports/key-vault.port.js';
import {
  NotificationSendError,
  type NotificationSender,
  type OutgoingNotification,
} from '../../application/notifications/ports/notification-sender.port.js';
import { WebhookDeliveryError, type WebhookClient } from '../webhooks/webhook-client.js';
import { standardWebhookHeaders } from './standard-webhooks.js';

/** The JSON a webhook receives: Standard Webhooks' `{ type, timestamp, data }`. */
export function webhookPayload(notification: OutgoingNotification): string {
  const { message } = notification;
  return JSON.stringify({
    type: `notification.${message.topic}`,
    timestamp: notification.createdAt,
    data: {
      notificationId: notification.deliveryId,
      subjectEventId: notification.subjectEventId,
      title: message.title,
      text: message.text,
      urgent: message.urgent,
      ...message.data,
    },
  });
}

/**
 * Owners' webhooks: signed per Standard Webhooks with the channel's secrets from the key vault, sent through the one
 * webhook transport (HTTPS only, no private or metadata address, no redirect, 10 s; ADR 0022). A 4xx answer other
 * than 408 and 429 is the receiver refusing this message, so it is not retried; 5xx and network failures are.
 */
export class WebhookNotificationSender implements NotificationSender {
  constructor(
    private readonly client: WebhookClient,
    private readonly vault: KeyVault,
    private readonly now: () => Date,
  ) {}

  async send(notification: OutgoingNotification): Promise<void> {
    const secrets: string[] = [];
    for (const keyId of notification.channel.signingSecretKeyIds) {
      const secret = await this.vault.get(keyId);
      if (secret) secrets.push(secret.toString('utf8'));
    }
    if (secrets.length === 0) throw new NotificationSendError('the channel has no signing secret in the vault', false);
    const body = webhookPayload(notification);
    try {
      await this.client.send({
        url: notification.channel.address,
        method: 'POST',
        headers: standardWebhookHeaders(notification.deliveryId, this.now(), body, secrets),
        body,
      });
    } catch (error) {
      if (error instanceof WebhookDeliveryError) throw new NotificationSendError(error.message, error.retryable);
      throw error;
    }
  }
}
