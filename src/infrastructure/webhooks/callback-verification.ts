import { randomBytes } from 'node:crypto';
import { WebhookDeliveryError, type WebhookClient, type WebhookFailureReason } from './webhook-client.js';

export type CallbackVerificationFailure = WebhookFailureReason | 'not_200' | 'echo_mismatch';

/** The callback URL did not prove it is live and answers for its owner; the subscription must not be stored. */
export class CallbackVerificationError extends Error {
  override readonly name = 'CallbackVerificationError';
  constructor(
    readonly reason: CallbackVerificationFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A fresh challenge: 192 random bits, base64url (safe in a query string as it is). */
export function newEchoChallenge(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The body proves the echo when it is the challenge itself (surrounding whitespace aside), the challenge as a JSON
 * string, or a JSON object whose `echo` is the challenge. Def-3.1.0 only says "include the query string parameter
 * value in the body"; a substring match is not accepted, because a page that reflects its whole URL (an error page,
 * a catch-all) would pass it without the owner's consent.
 */
export function bodyEchoes(body: string, challenge: string): boolean {
  const text = body.trim();
  if (text === challenge) return true;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === challenge) return true;
    return typeof parsed === 'object' && parsed !== null && (parsed as { echo?: unknown }).echo === challenge;
  } catch {
    return false;
  }
}

/**
 * The subscription callback check of Def-3.1.0 "Webhooks": a GET to the callback URL with the query parameter
 * `echo=<random>`; the callback must answer 200 OK with that value in the body, else the VTN MUST NOT create (or
 * update) the subscription. Goes through the same transport as notifications, so HTTPS, the address policy, the
 * timeout and the refusal of redirects apply to the check as well. Resolves when verified; throws
 * CallbackVerificationError otherwise.
 */
export async function verifyCallbackUrl(
  client: WebhookClient,
  callbackUrl: string,
  options: { readonly challenge?: string; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<void> {
  const challenge = options.challenge ?? newEchoChallenge();
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new CallbackVerificationError('invalid_url', `not a URL: ${JSON.stringify(callbackUrl)}`);
  }
  url.searchParams.set('echo', challenge);
  let response;
  try {
    response = await client.send({
      url: url.href,
      method: 'GET',
      ...(options.headers ? { headers: options.headers } : {}),
    });
  } catch (error) {
    if (error instanceof WebhookDeliveryError) {
      throw new CallbackVerificationError(error.reason, `callback check failed: ${error.message}`);
    }
    throw error;
  }
  if (response.status !== 200) {
    throw new CallbackVerificationError('not_200', `callback check answered ${response.status}, not 200`);
  }
  if (!bodyEchoes(response.body, challenge)) {
    throw new CallbackVerificationError('echo_mismatch', 'callback check: the body does not echo the challenge');
  }
}
