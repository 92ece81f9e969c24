import type { Principal } from '../../../../domain/access/principal.js';
import type { NodeConfigurationChange } from '../../../../domain/devices/node-configuration.events.js';

export class RequestNodeConfiguration {
  constructor(
    readonly principal: Principal,
    readonly nodeId: string,
    readonly input: {
      readonly change: NodeConfigurationChange;
      readonly reason: string;
      readonly timeoutSeconds: number;
    },
    readonly at: Date,
    readonly correlationId: string,
  ) {}
}

export interface RequestedNodeConfiguration {
  readonly requestId: string;
  readonly nodeId: string;
  readonly field: string;
  readonly status: string;
}
