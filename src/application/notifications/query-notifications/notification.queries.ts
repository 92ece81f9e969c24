import type { Principal } from '../../../domain/access/principal.js';

export class ListNotificationChannels {
  constructor(readonly principal: Principal) {}
}

export class GetNotificationChannel {
  constructor(
    readonly principal: Principal,
    readonly channelId: string,
  ) {}
}

export class GetNotificationPreferences {
  constructor(readonly principal: Principal) {}
}

export class ListInbox {
  constructor(
    readonly principal: Principal,
    readonly unreadOnly: boolean,
    readonly limit: number,
  ) {}
}
