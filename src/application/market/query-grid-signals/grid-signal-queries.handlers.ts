import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { selectEvent, selectEvents, type EventObject } from '../grid-signals-read-model/grid-signals.sql.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { GetGridSignal, SearchGridSignals } from './grid-signal.queries.js';

@QueryHandler(SearchGridSignals)
export class SearchGridSignalsHandler implements IQueryHandler<SearchGridSignals, EventObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchGridSignals): Promise<EventObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectEvents(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetGridSignal)
export class GetGridSignalHandler implements IQueryHandler<GetGridSignal, EventObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, eventId }: GetGridSignal): Promise<EventObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectEvent(this.db, providerId, eventId);
    if (!found) throw new MarketObjectNotFoundError('event', eventId);
    return found;
  }
}
