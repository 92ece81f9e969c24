import type { AllFilter, EventStore, Position, RecordedEvent, Subscription } from '../../ports/event-store.port.js';
import { GATEWAY_STREAM_PREFIX } from '../gateway-stream.js';
import { fingerprintOf, vaultKeyId } from '../network-key.js';
import type { GatewayKeyRing } from '../ports/gateway-key-ring.port.js';
import { KeyVaultError, type KeyVault } from '../ports/key-vault.port.js';

const KEY_EVENTS = ['GatewayRegistered', 'NetworkKeyRotated', 'GatewayDecommissioned'] as const;
const FILTER: AllFilter = { streamPrefixes: [GATEWAY_STREAM_PREFIX], types: KEY_EVENTS };

export interface EventFedKeyRingOptions {
  /** Told about vault or store failures; the ring keeps serving what it has and retries. Never receives key material. */
  readonly onError?: (error: unknown, context: string) => void;
  readonly retryMs?: number;
  readonly pageSize?: number;
}

interface KeyEventData {
  readonly gatewayId: string;
  readonly keyFingerprint?: string;
  readonly networkType?: string;
}

/**
 * Network keys by gateway id, for the synchronous TLS `pskCallback`. Reads the gateway key events from the start of
 * the log (they are few), then follows them live. Keys come from the vault; events carry only fingerprints.
 */
export class EventFedKeyRing implements GatewayKeyRing {
  private readonly keys = new Map<string, Buffer>();
  private readonly networkTypes = new Map<string, string>();
  private readonly decommissioned = new Set<string>();
  private readonly listeners = new Set<(gatewayId: string) => void>();
  private readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private running: Promise<void> | undefined;
  private subscription: Subscription | undefined;
  private stopped = false;
  private wakeRetry: (() => void) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly vault: KeyVault,
    private readonly options: EventFedKeyRingOptions = {},
  ) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
  }

  start(): void {
    this.running ??= this.run();
  }

  /** Resolves once every gateway key event written before start-up has been applied. */
  ready(): Promise<void> {
    return this.caughtUp;
  }

  keyFor(gatewayId: string): Buffer | undefined {
    return this.keys.get(gatewayId);
  }

  onRevoked(listener: (gatewayId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Lets the link tell a decommissioned gateway from an identity nobody registered (both have no key). */
  isDecommissioned(gatewayId: string): boolean {
    return this.decommissioned.has(gatewayId);
  }

  /** The network type a gateway registered with; the ingest use case needs it synchronously per frame. */
  networkTypeOf(gatewayId: string): string | undefined {
    return this.networkTypes.get(gatewayId);
  }

  /** Gateways that currently have a key; for metrics and diagnostics. */
  size(): number {
    return this.keys.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeRetry?.();
    await this.subscription?.close();
    await this.running;
  }

  private async run(): Promise<void> {
    let after: Position | null = null;
    let caughtUp = false;
    while (!this.stopped) {
      try {
        if (!caughtUp) {
          // One vault read warms the catch-up; keys stored after it are fetched one by one.
          const known = await this.loadAll();
          const pageSize = this.options.pageSize ?? 1000;
          for (;;) {
            const page = await this.store.readAll({ after, max: pageSize, filter: FILTER });
            for (const event of page) {
              await this.apply(event, known);
              after = event.position;
            }
            if (page.length < pageSize || this.stopped) break;
          }
          caughtUp = true;
          this.markCaughtUp();
        }
        const subscription = this.store.subscribe({ after, filter: FILTER });
        this.subscription = subscription;
        if (this.stopped) await subscription.close();
        for await (const event of subscription) {
          await this.apply(event);
          after = event.position;
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.onError?.(error, 'gateway key ring: reading gateway events failed; retrying');
        await this.pause();
      }
    }
  }

  /** A damaged entry must not keep every other gateway offline: fall back to loading keys one by one. */
  private async loadAll(): Promise<Map<string, Buffer> | undefined> {
    try {
      return await this.vault.all();
    } catch (error) {
      if (!(error instanceof KeyVaultError)) throw error;
      this.options.onError?.(error, 'gateway key ring: a key vault entry is unreadable; loading keys one by one');
      return undefined;
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.retryMs ?? 1000);
      this.wakeRetry = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async apply(event: RecordedEvent, known?: Map<string, Buffer>): Promise<void> {
    const data = event.data as KeyEventData;
    switch (event.type) {
      case 'GatewayRegistered':
        if (data.networkType !== undefined) this.networkTypes.set(data.gatewayId, data.networkType);
        await this.install(data, known);
        return;
      case 'NetworkKeyRotated':
        await this.install(data, known);
        this.revoked(data.gatewayId);
        return;
      case 'GatewayDecommissioned':
        this.keys.delete(data.gatewayId);
        this.decommissioned.add(data.gatewayId);
        this.revoked(data.gatewayId);
        return;
      default:
        return;
    }
  }

  private async install(data: KeyEventData, known?: Map<string, Buffer>): Promise<void> {
    const fingerprint = data.keyFingerprint ?? '';
    const keyId = vaultKeyId(data.gatewayId, fingerprint);
    // The old key must stop working even if the new one cannot be loaded.
    this.keys.delete(data.gatewayId);
    let key: Buffer | undefined;
    try {
      key = known?.get(keyId) ?? (await this.vault.get(keyId));
    } catch (error) {
      // Integrity failures are permanent: report and move on. Anything else (the database) is retried by run().
      if (!(error instanceof KeyVaultError)) throw error;
      this.options.onError?.(error, `gateway ${data.gatewayId} cannot connect until its key is rotated`);
      return;
    }
    if (!key) {
      this.options.onError?.(
        new Error(`no key vault entry ${keyId}`),
        `gateway ${data.gatewayId} cannot connect until its key is rotated`,
      );
      return;
    }
    if (fingerprintOf(key) !== fingerprint) {
      this.options.onError?.(
        new Error(`key vault entry ${keyId} does not match its fingerprint`),
        `gateway ${data.gatewayId} cannot connect`,
      );
      return;
    }
    this.keys.set(data.gatewayId, key);
  }

  private revoked(gatewayId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(gatewayId);
      } catch (error) {
        this.options.onError?.(error, `gateway key ring: a revocation listener failed for ${gatewayId}`);
      }
    }
  }
}
