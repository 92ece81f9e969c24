import type { LinkRefusalReason } from '../../application/gateways/ports/gateway-key-ring.port.js';

/** What `pskCallback` saw for one connection attempt. */
export interface PskAttempt {
  readonly identity: string;
  /** `key`: the key ring had a key (so a failed handshake means the peer used another one). */
  readonly lookup: 'key' | 'unknown' | 'decommissioned';
  /** The key served, to notice a rotation between the handshake and the session start. */
  readonly key: Buffer | undefined;
}

export interface HandshakeRefusal {
  /** Undefined when the peer never named an identity (garbage, no shared cipher, timeout before the hello). */
  readonly gatewayId: string | undefined;
  readonly reason: LinkRefusalReason;
  readonly detail: string;
}

/** Identities come from the network: keep what reaches logs and the audit trail short. */
export const MAX_LOGGED_IDENTITY = 128;

export function shortIdentity(identity: string): string {
  return identity.length > MAX_LOGGED_IDENTITY ? `${identity.slice(0, MAX_LOGGED_IDENTITY)}…` : identity;
}

/**
 * The peer sees the same alert whatever went wrong (decoy keys for unknown identities); only the server knows
 * which case it was, from the lookup its own pskCallback made.
 */
export function classifyHandshakeFailure(
  attempt: PskAttempt | undefined,
  error: Error & { code?: string },
): HandshakeRefusal {
  const code = error.code ?? error.name;
  if (!attempt) return { gatewayId: undefined, reason: 'protocol_error', detail: code };
  const gatewayId = shortIdentity(attempt.identity);
  switch (attempt.lookup) {
    case 'unknown':
      return { gatewayId, reason: 'unknown_identity', detail: code };
    case 'decommissioned':
      return { gatewayId, reason: 'decommissioned', detail: code };
    case 'key':
      return {
        gatewayId,
        reason: code === 'ERR_SSL_BINDER_DOES_NOT_VERIFY' ? 'wrong_key' : 'protocol_error',
        detail: code,
      };
  }
}
