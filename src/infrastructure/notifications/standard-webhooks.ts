import { createHash, createHmac, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64, the Standard Webhooks format. */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/** What events carry instead of the secret: the first 16 hex digits of its SHA-256. */
export function secretFingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error('a signing secret starts with whsec_');
  return Buffer.from(secret.slice(PREFIX.length), 'base64');
}

/**
 * The three headers of Standard Webhooks 1.0: `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature`, a space-separated list of `v1,<base64 HMAC-SHA256 over "id.timestamp.body">`, one per secret,
 * so during a rotation a receiver that knows either secret accepts the message.
 */
export function standardWebhookHeaders(
  id: string,
  timestamp: Date,
  body: string,
  secrets: readonly string[],
): Record<string, string> {
  if (secrets.length === 0) throw new Error('a webhook is signed with at least one secret');
  const seconds = Math.floor(timestamp.getTime() / 1000).toString();
  const signed = `${id}.${seconds}.${body}`;
  const signatures = secrets.map(
    (secret) => `v1,${createHmac('sha256', keyOf(secret)).update(signed).digest('base64')}`,
  );
  return { 'webhook-id': id, 'webhook-timestamp': seconds, 'webhook-signature': signatures.join(' ') };
}
