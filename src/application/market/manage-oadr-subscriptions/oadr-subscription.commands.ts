import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { SubscriptionObject } from '../oadr-subscriptions-read-model/oadr-subscriptions.sql.js';

export class CreateOadrSubscription extends Command<SubscriptionObject> {
  constructor(
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

export class ReviseOadrSubscription extends Command<SubscriptionObject> {
  constructor(
    readonly subscriptionId: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

export class DeleteOadrSubscription extends Command<SubscriptionObject> {
  constructor(
    readonly subscriptionId: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
