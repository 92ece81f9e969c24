import type { Principal } from '../../../../domain/access/principal.js';
import type { FieldValue } from '../../../../domain/devices/node-configuration.decider.js';

export class GetNodeConfiguration {
  /** `at` absent: now. */
  constructor(
    readonly principal: Principal,
    readonly nodeId: string,
    readonly at: Date | null,
  ) {}
}

export class ListNodeConfigurationChanges {
  constructor(
    readonly principal: Principal,
    readonly nodeId: string,
    readonly from: Date,
    readonly to: Date,
  ) {}
}

export interface NodeConfigurationField {
  readonly field: string;
  readonly desired: FieldValue | null;
  readonly applied: FieldValue | null;
  /** `applied`: the device confirmed what was last asked for; `pending`: waiting; `differs`: the last request failed. */
  readonly sync: 'applied' | 'pending' | 'differs';
}

export interface NodeConfigurationView {
  readonly nodeId: string;
  readonly at: string;
  /** The last revision of `node-<id>` folded into this view; null when the node had no event yet. */
  readonly revision: number | null;
  readonly fields: readonly NodeConfigurationField[];
  readonly pending: readonly {
    readonly requestId: string;
    readonly field: string;
    readonly status: string;
    readonly requestedBy: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }[];
}

export interface ConfigurationChange {
  readonly at: string;
  readonly revision: number;
  readonly type: string;
  readonly field: string;
  readonly requestId: string;
  /** Who asked for the change this event belongs to. */
  readonly by: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly detail: string | null;
}
