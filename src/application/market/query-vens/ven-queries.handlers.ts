import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import {
  selectResource,
  selectResources,
  selectVen,
  selectVens,
  type ResourceObject,
  type VenObject,
} from '../enrollments-read-model/vens.sql.js';
import { businessLogicCaller } from '../openadr-caller.js';
import { GetResource, GetVen, SearchResources, SearchVens } from './ven.queries.js';

// A utility reads with `read_all` (its role's read scope, MARKET.md §2.1), and sees only vens enrolled in its programs.

@QueryHandler(SearchVens)
export class SearchVensHandler implements IQueryHandler<SearchVens, VenObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchVens): Promise<VenObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectVens(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetVen)
export class GetVenHandler implements IQueryHandler<GetVen, VenObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, venId }: GetVen): Promise<VenObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectVen(this.db, providerId, venId);
    if (!found) throw new MarketObjectNotFoundError('ven', venId);
    return found;
  }
}

@QueryHandler(SearchResources)
export class SearchResourcesHandler implements IQueryHandler<SearchResources, ResourceObject[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  execute({ principal, filter }: SearchResources): Promise<ResourceObject[]> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    return selectResources(this.db, { providerId, ...filter });
  }
}

@QueryHandler(GetResource)
export class GetResourceHandler implements IQueryHandler<GetResource, ResourceObject> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, resourceId }: GetResource): Promise<ResourceObject> {
    const { providerId } = businessLogicCaller(principal, 'read_all');
    const found = await selectResource(this.db, providerId, resourceId);
    if (!found) throw new MarketObjectNotFoundError('resource', resourceId);
    return found;
  }
}
