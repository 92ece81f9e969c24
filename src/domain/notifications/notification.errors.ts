/** Base of the notifications context's typed errors; interfaces map `code` to a transport status. */
export abstract class NotificationError extends Error {
  abstract readonly code: 'not_found' | 'invalid' | 'conflict' | 'invalid_code' | 'unavailable';
}

/** Unknown, removed, or someone else's: answered alike so existence does not leak. */
export class NotificationChannelNotFoundError extends NotificationError {
  override readonly name = 'NotificationChannelNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly channelId: string) {
    super(`notification channel ${channelId} not found`);
  }
}

export class InvalidNotificationSettingError extends NotificationError {
  override readonly name = 'InvalidNotificationSettingError';
  readonly code = 'invalid' as const;
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

/** The command does not fit the channel's state (verify a webhook, rotate an e-mail channel's secret, …). */
export class NotificationChannelConflictError extends NotificationError {
  override readonly name = 'NotificationChannelConflictError';
  readonly code = 'conflict' as const;
}

/** A wrong, expired or used-up verification code. */
export class InvalidVerificationCodeError extends NotificationError {
  override readonly name = 'InvalidVerificationCodeError';
  readonly code = 'invalid_code' as const;
}

/** The server cannot do it as configured (no SMTP server) or the mail server refused the code's message. */
export class NotificationServiceUnavailableError extends NotificationError {
  override readonly name = 'NotificationServiceUnavailableError';
  readonly code = 'unavailable' as const;
}
