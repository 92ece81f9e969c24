import type { NodeEventKind } from '../../domain/devices/node-event-kinds.js';

/** A node event a driver reports; it travels in the gateway's sequence, so it is stored exactly once. */
export interface NodeEventReport {
  readonly event: NodeEventKind;
  readonly nodeId?: string;
  readonly at?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** What the gateway agent offers device drivers. */
export interface FrameSink {
  /**
   * One native payload, normally `{ kind: <network type>, ...fields, measuredAt? }`. Buffered and written to the
   * durable outbox in batches; false when refused (not JSON-serialisable, too deep or too large).
   */
  push(payload: unknown): boolean;
  nodeEvent(report: NodeEventReport): void;
}

/**
 * A device driver (ZigBee via herdsman, zigbee2mqtt, DSMR P1, Modbus poller) or the simulator. The agent starts it
 * with a sink once the outbox is open and stops it before closing the outbox.
 */
export interface FrameSource {
  readonly name: string;
  start(sink: FrameSink): Promise<void>;
  stop(): Promise<void>;
  /**
   * A command that came down the link (`permit_join`, `switch`, …) applied to the network; drivers that take none
   * leave it out and the agent answers every command as not applicable. Resolves with what the device answered.
   */
  command?(request: DeviceCommand): Promise<DeviceCommandOutcome>;
  /**
   * A configuration change for one node (`settings.change`, a NodeConfigurationChange); resolves with what the
   * device confirmed, or `ok: false` with the device's refusal or why the driver cannot apply it.
   */
  configure?(request: DeviceConfiguration): Promise<DeviceCommandOutcome>;
}

export interface DeviceConfiguration {
  /** The node in the driver's own addressing (an IEEE address, a friendly name). */
  readonly target: string;
  readonly settings: Readonly<Record<string, unknown>>;
}

/**
 * The command that changes the gateway's own network: target the gateway id, `params.change` a
 * NetworkConfigurationChange (`{ kind: 'permit_join', seconds }`, `{ kind: 'channel', channel }`). A driver that
 * applies it answers with a `report` of what its coordinator says afterwards, in the shape of a
 * NetworkConfigurationReport.
 */
export const NETWORK_CONFIG_ACTION = 'network_config';

export interface DeviceCommand {
  readonly action: string;
  /** The gateway itself, or a node/endpoint in the driver's own addressing (e.g. `0x842e14fffe5b1a01/1`). */
  readonly target: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface DeviceCommandOutcome {
  readonly ok: boolean;
  readonly detail?: string;
  /** What the driver observed afterwards (e.g. the coordinator's network parameters); JSON only. */
  readonly report?: Readonly<Record<string, unknown>>;
}

/** What the agent tells a driver about the gateway it runs in. */
export interface FrameSourceContext {
  readonly gatewayId: string;
  /** Where the driver keeps what must survive a restart (settings the server changed); absent: nothing is kept. */
  readonly stateDir?: string;
}

/** Builds a driver from the `adapter` object of gateway.json; throws a one-line error for bad settings. */
export type FrameSourceFactory = (
  settings: Readonly<Record<string, unknown>>,
  networkType: string,
  context: FrameSourceContext,
) => FrameSource;
