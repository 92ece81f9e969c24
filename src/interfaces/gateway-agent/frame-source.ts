import type { NodeEventKind } from '../../infrastructure/tls-link/link-messages.js';

/** A node event a driver reports; it travels in the gateway's sequence, so it is stored exactly once. */
export interface NodeEventReport {
  readonly event: NodeEventKind;
  readonly nodeId?: string;
  readonly at?: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** What the agent offers device drivers. */
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
}

export type FrameSourceFactory = (settings: Readonly<Record<string, unknown>>, networkType: string) => FrameSource;

const factories = new Map<string, FrameSourceFactory>();

/** Drivers register under the `adapter.kind` a gateway.json names. */
export function registerFrameSource(kind: string, factory: FrameSourceFactory): void {
  factories.set(kind, factory);
}

export function frameSourceFactory(kind: string): FrameSourceFactory | undefined {
  return factories.get(kind);
}

export function frameSourceKinds(): string[] {
  return [...factories.keys()].sort();
}
