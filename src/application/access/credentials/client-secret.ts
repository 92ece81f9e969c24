import { createHash, randomBytes } from 'node:crypto';

export const CLIENT_SECRET_BYTES = 32;

export function generateClientSecret(): Buffer {
  return randomBytes(CLIENT_SECRET_BYTES);
}

/** Shown to the client once, as base64url (43 characters). */
export function encodeClientSecret(secret: Buffer): string {
  return secret.toString('base64url');
}

/** undefined for anything that is not a well-formed secret, so malformed input never reaches the store. */
export function decodeClientSecret(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return undefined;
  const secret = Buffer.from(text, 'base64url');
  return secret.length === CLIENT_SECRET_BYTES ? secret : undefined;
}

/**
 * What events carry: a domain-separated digest prefix, unrelated to the stored verifier, so the log reveals neither
 * the secret nor anything the credential table holds.
 */
export function clientSecretFingerprint(secret: Buffer): string {
  return createHash('sha256').update('wattlog client secret fingerprint\0').update(secret).digest('hex').slice(0, 16);
}
