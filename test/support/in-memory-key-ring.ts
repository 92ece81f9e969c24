import { randomBytes } from 'node:crypto';
import type {
  GatewayKeyRing,
  LinkRefusalReason,
  LinkRefusalRecorder,
} from '../../src/application/gateways/ports/gateway-key-ring.port.js';

/** A key ring a test drives by hand: register, rotate, decommission. */
export class InMemoryKeyRing implements GatewayKeyRing {
  private readonly keys = new Map<string, Buffer>();
  private readonly decommissioned = new Set<string>();
  private readonly listeners = new Set<(gatewayId: string) => void>();

  register(gatewayId: string, key: Buffer = randomBytes(32)): Buffer {
    this.keys.set(gatewayId, key);
    return key;
  }

  rotate(gatewayId: string): Buffer {
    const key = this.register(gatewayId);
    this.notify(gatewayId);
    return key;
  }

  decommission(gatewayId: string): void {
    this.keys.delete(gatewayId);
    this.decommissioned.add(gatewayId);
    this.notify(gatewayId);
  }

  isDecommissioned(gatewayId: string): boolean {
    return this.decommissioned.has(gatewayId);
  }

  keyFor(gatewayId: string): Buffer | undefined {
    return this.keys.get(gatewayId);
  }

  onRevoked(listener: (gatewayId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(gatewayId: string): void {
    for (const listener of this.listeners) listener(gatewayId);
  }
}

export interface RecordedRefusal {
  readonly gatewayId: string;
  readonly reason: LinkRefusalReason;
  readonly detail: string;
  readonly at: Date;
}

/** Keeps every refusal (no rate limit: tests want to see each one), up to `cap` to stay bounded under fuzzing. */
export class RecordingRefusalRecorder implements LinkRefusalRecorder {
  readonly refusals: RecordedRefusal[] = [];
  total = 0;

  constructor(private readonly cap = 10_000) {}

  record(gatewayId: string, reason: LinkRefusalReason, detail: string, at: Date): Promise<void> {
    this.total++;
    if (this.refusals.length < this.cap) this.refusals.push({ gatewayId, reason, detail, at });
    return Promise.resolve();
  }

  reasonsFor(gatewayId: string): LinkRefusalReason[] {
    return this.refusals.filter((r) => r.gatewayId === gatewayId).map((r) => r.reason);
  }
}
