/**
 * Network keys of registered gateways, kept current from the gateway events.
 * Lookups are synchronous because Node's TLS `pskCallback` cannot wait.
 */
export interface GatewayKeyRing {
  /** The 32-byte network key, or undefined for unknown and decommissioned gateways. */
  keyFor(gatewayId: string): Buffer | undefined;
  /** Called when a gateway's key is rotated or the gateway decommissioned: its live sessions must end. */
  onRevoked(listener: (gatewayId: string) => void): () => void;
}

export const GATEWAY_KEY_RING = Symbol('GatewayKeyRing');

/** Why the link refused a connection attempt; recorded (rate-limited) in the gateway's trail. */
export type LinkRefusalReason = 'unknown_identity' | 'wrong_key' | 'decommissioned' | 'protocol_error' | 'bad_hello';

export interface LinkRefusalRecorder {
  record(gatewayId: string, reason: LinkRefusalReason, detail: string, at: Date): Promise<void>;
}

export const LINK_REFUSAL_RECORDER = Symbol('LinkRefusalRecorder');
