import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { requireAdmin } from '../admin-check.js';
import { API_CLIENTS_TABLE } from '../api-clients-read-model/api-clients.projection.js';
import { selectApiClients } from '../api-clients-read-model/api-clients.sql.js';
import { ListApiClients, type ApiClientPage } from './list-api-clients.query.js';

@QueryHandler(ListApiClients)
export class ListApiClientsHandler implements IQueryHandler<ListApiClients, ApiClientPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ page, principal }: ListApiClients): Promise<ApiClientPage> {
    requireAdmin(principal, 'listing API clients');
    const rows = await selectApiClients(this.db, API_CLIENTS_TABLE, { ...page, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    return { items, nextAfter: rows.length > page.limit ? (items.at(-1)?.clientId ?? null) : null };
  }
}
