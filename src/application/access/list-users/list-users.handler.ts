import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { requireAdmin } from '../admin-check.js';
import { USERS_TABLE } from '../users-read-model/users.projection.js';
import { selectUsers } from '../users-read-model/users.sql.js';
import { ListUsers, type UserPage } from './list-users.query.js';

@QueryHandler(ListUsers)
export class ListUsersHandler implements IQueryHandler<ListUsers, UserPage> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ page, principal }: ListUsers): Promise<UserPage> {
    requireAdmin(principal, 'listing users');
    const rows = await selectUsers(this.db, USERS_TABLE, { ...page, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    return { items, nextAfter: rows.length > page.limit ? (items.at(-1)?.email ?? null) : null };
  }
}
