import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { NodeView } from '../node-view.js';

export interface NodePage {
  readonly items: NodeView[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: string | null;
}

export class ListNodes extends Query<NodePage> {
  constructor(
    readonly principal: Principal,
    readonly filter: { readonly gatewayId?: string; readonly after?: string; readonly limit: number },
  ) {
    super();
  }
}
