import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { UserView } from '../users-read-model/users.sql.js';

export interface UserPage {
  readonly items: readonly UserView[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly nextAfter: string | null;
}

export class ListUsers extends Query<UserPage> {
  constructor(
    readonly page: { readonly after?: string; readonly limit: number },
    readonly principal: Principal,
  ) {
    super();
  }
}
