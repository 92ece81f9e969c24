/** One e-mail as the platform writes it. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Without angle brackets' domain part: the adapter completes it. Stable per delivery so a resend is recognisable. */
  readonly messageId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends e-mail; rejects with a NotificationSendError (4xx replies and lost connections are retryable, 5xx not). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('Mailer');
