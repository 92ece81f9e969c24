import type { DomainEvent } from '../shared/event.js';

/** Quantities a node can be asked to report on a schedule (the ones with a ZigBee reporting attribute). */
export const REPORTABLE_QUANTITIES = [
  'power',
  'voltage',
  'current',
  'energyImported',
  'temperature',
  'switchState',
] as const;
export type ReportableQuantity = (typeof REPORTABLE_QUANTITIES)[number];

/**
 * One change of a node's configuration. `reportableChange` is in the attribute's raw units as the device counts
 * them (e.g. 0.1 W for an INSPELNING's activePower), because that is what the device stores and confirms.
 */
export type NodeConfigurationChange =
  | {
      readonly kind: 'reporting';
      readonly quantity: ReportableQuantity;
      readonly minIntervalS: number;
      readonly maxIntervalS: number;
      readonly reportableChange: number;
    }
  | {
      readonly kind: 'alarm_power_above';
      readonly enabled: boolean;
      readonly thresholdW: number;
      readonly forSeconds: number;
    }
  | { readonly kind: 'alarm_voltage_band'; readonly enabled: boolean; readonly minV: number; readonly maxV: number }
  | { readonly kind: 'firmware_update'; readonly version: string }
  /**
   * The reporting interval of a gateway's meter reader: how often the Modbus poller reads its meter, or how often the
   * P1 reader forwards a telegram of a meter that pushes them (DSMR 5: every second).
   */
  | { readonly kind: 'poll_interval'; readonly seconds: number };

export type NodeConfigurationRequested = DomainEvent<
  'NodeConfigurationRequested',
  {
    readonly requestId: string;
    readonly nodeId: string;
    readonly gatewayId: string;
    /** Which configuration field it sets (`reporting.power`, `alarm.power_above`, `firmware`). */
    readonly field: string;
    readonly change: NodeConfigurationChange;
    readonly requestedBy: string;
    readonly reason: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  }
>;

export type NodeConfigurationSent = DomainEvent<
  'NodeConfigurationSent',
  { readonly requestId: string; readonly nodeId: string; readonly sentAt: string }
>;

export type NodeConfigurationApplied = DomainEvent<
  'NodeConfigurationApplied',
  {
    readonly requestId: string;
    readonly nodeId: string;
    readonly field: string;
    /** Who asked for the change that was applied. */
    readonly requestedBy: string;
    /** What the device (or, for alarms, the server that evaluates them) confirmed, in the device's words. */
    readonly applied: NodeConfigurationChange;
    readonly confirmation: string;
    readonly appliedAt: string;
  }
>;

export type NodeConfigurationRejected = DomainEvent<
  'NodeConfigurationRejected',
  {
    readonly requestId: string;
    readonly nodeId: string;
    readonly field: string;
    readonly detail: string;
    readonly rejectedAt: string;
  }
>;

export type NodeConfigurationTimedOut = DomainEvent<
  'NodeConfigurationTimedOut',
  { readonly requestId: string; readonly nodeId: string; readonly field: string; readonly timedOutAt: string }
>;

export type NodeConfigurationEvent =
  | NodeConfigurationRequested
  | NodeConfigurationSent
  | NodeConfigurationApplied
  | NodeConfigurationRejected
  | NodeConfigurationTimedOut;

/** The stored type names of node configuration, in `node-<nodeId>` streams. */
export const NODE_CONFIGURATION_EVENT_TYPES: readonly NodeConfigurationEvent['type'][] = [
  'NodeConfigurationRequested',
  'NodeConfigurationSent',
  'NodeConfigurationApplied',
  'NodeConfigurationRejected',
  'NodeConfigurationTimedOut',
];

export function isNodeConfigurationEvent(event: { readonly type: string }): event is NodeConfigurationEvent {
  return (NODE_CONFIGURATION_EVENT_TYPES as readonly string[]).includes(event.type);
}

export function fieldOf(change: NodeConfigurationChange): string {
  switch (change.kind) {
    case 'reporting':
      return `reporting.${change.quantity}`;
    case 'alarm_power_above':
      return 'alarm.power_above';
    case 'alarm_voltage_band':
      return 'alarm.voltage_band';
    case 'firmware_update':
      return 'firmware';
    case 'poll_interval':
      return 'reporting.interval';
  }
}
