import { createTransport, type Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../../application/notifications/ports/mailer.port.js';
import { NotificationSendError } from '../../application/notifications/ports/notification-sender.port.js';
import { ConfigError } from '../config/app-config.js';

export interface SmtpConfig {
  /** `smtp://user:password@host:587` or `smtps://…:465`; the password never leaves this adapter. */
  readonly url: string;
  readonly from: string;
}

/** `SMTP_URL` and `SMTP_FROM`: both or neither (no e-mail channels then). */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const url = env.SMTP_URL?.trim() ?? '';
  const from = env.SMTP_FROM?.trim() ?? '';
  if (url === '' && from === '') return null;
  if (url === '' || from === '') throw new ConfigError('SMTP_URL and SMTP_FROM are set together');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('SMTP_URL is not a URL (smtp://user:password@host:port or smtps://…)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must use smtp: or smtps:, not ${parsed.protocol}`);
  }
  return { url, from };
}

/** An SMTP reply code's first digit decides: 4xx is a passing condition (RFC 5321 §4.2.1), 5xx is final. */
function classify(error: unknown): NotificationSendError {
  const { responseCode, code } = error as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') {
    return new NotificationSendError(`SMTP ${responseCode}`, responseCode >= 400 && responseCode < 500);
  }
  // No reply at all (connection refused, TLS, timeout): the server may be back later. Only the code is kept, as the
  // message of a connection error can echo the server's greeting or parts of the URL.
  return new NotificationSendError(`SMTP connection failed (${code ?? 'unknown'})`, true);
}

/** E-mail through nodemailer; one transport (and its connection settings) per process. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  private readonly domain: string;

  constructor(private readonly config: SmtpConfig) {
    this.transport = createTransport({
      url: config.url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
      logger: false,
    });
    this.domain = /@([^>\s]+)>?\s*$/.exec(config.from)?.[1] ?? 'wattlog.invalid';
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        ...(message.messageId !== undefined ? { messageId: `<${message.messageId}@${this.domain}>` } : {}),
        ...(message.headers ? { headers: { ...message.headers } } : {}),
      });
    } catch (error) {
      throw classify(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}
