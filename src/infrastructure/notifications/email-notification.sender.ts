import type { Mailer } from '../../application/notifications/ports/mailer.port.js';
import type {
  NotificationSender,
  OutgoingNotification,
} from '../../application/notifications/ports/notification-sender.port.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A notification as e-mail: the title as subject, the text in plain and HTML parts, the delivery id as Message-ID
 * (a retry is the same message), and `List-Unsubscribe` pointing at the page where the owner turns topics off
 * (RFC 2369), or at the sender's address when the server's public URL is not configured.
 */
export class EmailNotificationSender implements NotificationSender {
  constructor(
    private readonly mailer: Mailer,
    private readonly unsubscribe: (channelId: string) => string,
  ) {}

  async send(notification: OutgoingNotification): Promise<void> {
    const { message, channel } = notification;
    const settings = this.unsubscribe(channel.channelId);
    await this.mailer.send({
      to: channel.address,
      subject: `[Wattlog] ${message.title}`,
      text: `${message.text}\n\nChange what you receive: ${settings}\n`,
      html: `<p>${escapeHtml(message.text)}</p><p><a href="${escapeHtml(settings)}">Change what you receive</a></p>`,
      messageId: `notification-${notification.deliveryId}`,
      headers: {
        'List-Unsubscribe': `<${settings}>`,
        'X-Wattlog-Topic': message.topic,
        ...(message.urgent ? { Importance: 'high' } : {}),
      },
    });
  }
}

/** Where `List-Unsubscribe` points: the web UI's notifications page, or a mail to the sender naming the channel. */
export function unsubscribeTarget(publicUrl: string | undefined, from: string): (channelId: string) => string {
  if (publicUrl) return (channelId) => `${publicUrl.replace(/\/$/, '')}/notifications?channel=${channelId}`;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return (channelId) => `mailto:${address}?subject=${encodeURIComponent(`unsubscribe ${channelId}`)}`;
}
