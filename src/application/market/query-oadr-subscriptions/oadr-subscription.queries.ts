import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { SubscriptionObject } from '../oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import type { OpenAdrPage } from '../openadr-objects.wire.js';

export class SearchOadrSubscriptions extends Query<SubscriptionObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & {
      readonly programId?: string;
      readonly clientName?: string;
      readonly objects?: readonly string[];
    },
  ) {
    super();
  }
}

export class GetOadrSubscription extends Query<SubscriptionObject> {
  constructor(
    readonly principal: Principal,
    readonly subscriptionId: string,
  ) {
    super();
  }
}
