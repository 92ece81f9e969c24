import type { Logger } from 'pino';
import type { KeyVault } from '../../../application/gateways/ports/key-vault.port.js';
import { NotificationDeliveryWorker } from '../../../application/notifications/deliver-notifications/notification-delivery.worker.js';
import type { Mailer } from '../../../application/notifications/ports/mailer.port.js';
import type { NotificationSender } from '../../../application/notifications/ports/notification-sender.port.js';
import { NotificationSendError } from '../../../application/notifications/ports/notification-sender.port.js';
import type { WebhookUrlPolicy } from '../../../application/notifications/ports/webhook-url-policy.port.js';
import type { Storage } from '../../../infrastructure/composition/storage.js';
import {
  EmailNotificationSender,
  unsubscribeTarget,
} from '../../../infrastructure/notifications/email-notification.sender.js';
import {
  SmtpMailer,
  smtpConfigFromEnv,
  type SmtpConfig,
} from '../../../infrastructure/notifications/smtp-mailer.adapter.js';
import { WebhookNotificationSender } from '../../../infrastructure/notifications/webhook-notification.sender.js';
import { TransportWebhookUrlPolicy } from '../../../infrastructure/notifications/webhook-url-policy.js';
import { parseAllowHosts } from '../../../infrastructure/webhooks/address-policy.js';
import { WebhookClient } from '../../../infrastructure/webhooks/webhook-client.js';

export interface NotificationsConfig {
  /** SMTP_URL and SMTP_FROM; null: no e-mail channels. */
  readonly smtp: SmtpConfig | null;
  /** WATTLOG_PUBLIC_URL: the address users reach the web UI at, for links in e-mail. */
  readonly publicUrl?: string;
  /** WATTLOG_WEBHOOK_ALLOW_HOSTS. */
  readonly webhookAllowHosts: ReadonlySet<string>;
  /** How often due deliveries are looked for; 1 s by default. */
  readonly pollMs?: number;
}

export function notificationsConfigFromEnv(env: NodeJS.ProcessEnv): NotificationsConfig {
  const publicUrl = env.WATTLOG_PUBLIC_URL?.trim();
  return {
    smtp: smtpConfigFromEnv(env),
    ...(publicUrl ? { publicUrl } : {}),
    webhookAllowHosts: parseAllowHosts(env.WATTLOG_WEBHOOK_ALLOW_HOSTS),
  };
}

/** What the HTTP handlers need (the mailer for codes, the webhook URL rules) and the delivery worker. */
export interface NotificationsRuntime {
  readonly mailer: Mailer | null;
  readonly urlPolicy: WebhookUrlPolicy;
  readonly worker: NotificationDeliveryWorker;
  close(): Promise<void>;
}

const noEmail: NotificationSender = {
  send: () => Promise.reject(new NotificationSendError('e-mail is not configured on this server (SMTP_URL)', true)),
};

export function createNotificationsRuntime(
  config: NotificationsConfig,
  storage: Storage,
  vault: KeyVault,
  logger: Logger,
  now: () => Date,
): NotificationsRuntime {
  const mailer = config.smtp ? new SmtpMailer(config.smtp) : null;
  const client = new WebhookClient({ allowHosts: config.webhookAllowHosts, userAgent: 'wattlog-notifications' });
  const worker = new NotificationDeliveryWorker(
    storage.readModels,
    storage.eventStore,
    {
      webhook: new WebhookNotificationSender(client, vault, now),
      email:
        mailer && config.smtp
          ? new EmailNotificationSender(mailer, unsubscribeTarget(config.publicUrl, config.smtp.from))
          : noEmail,
    },
    {
      now,
      ...(config.pollMs !== undefined ? { pollMs: config.pollMs } : {}),
      log: (entry) =>
        entry.status === 'delivered'
          ? logger.info(entry, 'notification delivered')
          : logger.warn(entry, 'notification not delivered'),
      onError: (error, context) => logger.error({ err: error }, context),
    },
  );
  return {
    mailer,
    urlPolicy: new TransportWebhookUrlPolicy(config.webhookAllowHosts),
    worker,
    close: async () => {
      await worker.stop();
      mailer?.close();
    },
  };
}
