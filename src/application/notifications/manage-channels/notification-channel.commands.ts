import type { Principal } from '../../../domain/access/principal.js';
import type { ChannelKind } from '../../../domain/notifications/notification-topics.js';

interface Request {
  readonly principal: Principal;
  readonly at: Date;
  readonly correlationId: string;
}

export class AddNotificationChannel {
  constructor(
    readonly request: Request,
    readonly kind: ChannelKind,
    readonly address: string,
  ) {}
}

export class SendChannelVerificationCode {
  constructor(
    readonly request: Request,
    readonly channelId: string,
  ) {}
}

export class VerifyNotificationChannel {
  constructor(
    readonly request: Request,
    readonly channelId: string,
    readonly code: string,
  ) {}
}

export class RotateWebhookSecret {
  constructor(
    readonly request: Request,
    readonly channelId: string,
  ) {}
}

export class SetNotificationChannelEnabled {
  constructor(
    readonly request: Request,
    readonly channelId: string,
    readonly enabled: boolean,
  ) {}
}

export class RemoveNotificationChannel {
  constructor(
    readonly request: Request,
    readonly channelId: string,
  ) {}
}
