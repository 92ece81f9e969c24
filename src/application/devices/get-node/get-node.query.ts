import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { NodeView } from '../node-view.js';

/** The most sensor ids one node answer lists. */
export const MAX_NODE_SENSORS = 1000;

export interface NodeDetail extends NodeView {
  /** Sensors of the node that have reported, in id order. */
  readonly sensorIds: string[];
}

/** Resolves to the node; throws NodeNotFoundError when unknown or outside the principal's scope. */
export class GetNode extends Query<NodeDetail> {
  constructor(
    readonly principal: Principal,
    readonly nodeId: string,
  ) {
    super();
  }
}
