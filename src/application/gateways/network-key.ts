import { createHash, randomBytes } from 'node:crypto';

export const NETWORK_KEY_BYTES = 32;

/** A fresh 256-bit network key from the CSPRNG. */
export function generateNetworkKey(): Buffer {
  return randomBytes(NETWORK_KEY_BYTES);
}

/** What events carry instead of the key: the first 16 hex digits of its SHA-256. */
export function fingerprintOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Vault entries are immutable, so every key a gateway ever had keeps its own id. Gateway ids cannot contain ':'. */
export function vaultKeyId(gatewayId: string, fingerprint: string): string {
  return `${gatewayId}:${fingerprint}`;
}
