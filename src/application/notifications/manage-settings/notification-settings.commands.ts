import type { Principal } from '../../../domain/access/principal.js';

interface Request {
  readonly principal: Principal;
  readonly at: Date;
  readonly correlationId: string;
}

export class SetNotificationPreference {
  constructor(
    readonly request: Request,
    readonly topic: string,
    readonly channelId: string,
    readonly enabled: boolean,
  ) {}
}

export class SetQuietHours {
  constructor(
    readonly request: Request,
    readonly quietHours: { readonly start: string; readonly end: string; readonly timeZone: string } | null,
  ) {}
}

/** `ids`: those inbox items; `all`: every unread item. */
export class MarkInboxRead {
  constructor(
    readonly request: Request,
    readonly which: { readonly ids: readonly string[] } | 'all',
  ) {}
}
