import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { ApiClientView } from '../api-clients-read-model/api-clients.sql.js';

export interface ApiClientPage {
  readonly items: readonly ApiClientView[];
  readonly nextAfter: string | null;
}

export class ListApiClients extends Query<ApiClientPage> {
  constructor(
    readonly page: { readonly after?: string; readonly limit: number },
    readonly principal: Principal,
  ) {
    super();
  }
}
