import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import {
  selectSubscription,
  selectSubscriptions,
  type SubscriptionObject,
} from '../oadr-subscriptions-read-model/oadr-subscriptions.sql.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { GetOadrSubscription, SearchOadrSubscriptions } from './oadr-subscription.queries.js';

// Subscriptions are the subscriber's own objects: OpenADR reads them under read_ven_objects for VENs and read_all
// for business logic; a bl client holds read_all.
@QueryHandler(SearchOadrSubscriptions)
export class SearchOadrSubscriptionsHandler implements IQueryHandler<SearchOadrSubscriptions, SubscriptionObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchOadrSubscriptions): Promise<SubscriptionObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectSubscriptions(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetOadrSubscription)
export class GetOadrSubscriptionHandler implements IQueryHandler<GetOadrSubscription, SubscriptionObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, subscriptionId }: GetOadrSubscription): Promise<SubscriptionObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectSubscription(this.db, providerId, subscriptionId);
    if (!found) throw new MarketObjectNotFoundError('subscription', subscriptionId);
    return found;
  }
}
