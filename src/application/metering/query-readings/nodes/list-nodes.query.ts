import { Query } from '@nestjs/cqrs';
import type { ReadingsViewer } from '../access/sensor-access.port.js';
import type { NodeView } from './node-view.js';

export interface NodePage {
  readonly items: NodeView[];
  /** Pass as `after` for the next page; null at the end. */
  readonly nextAfter: string | null;
}

export class ListNodes extends Query<NodePage> {
  constructor(
    readonly viewer: ReadingsViewer,
    readonly filter: { readonly gatewayId?: string; readonly after?: string; readonly limit: number },
  ) {
    super();
  }
}
