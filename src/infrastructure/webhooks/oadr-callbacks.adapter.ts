import { CallbackRefusedError, type CallbackVerifier } from '../../application/market/ports/callback-verifier.port.js';
import type { CallbackOutcome, CallbackTransport } from '../../application/market/ports/callback-transport.port.js';
import { CallbackVerificationError, verifyCallbackUrl } from './callback-verification.js';
import { WebhookDeliveryError, type WebhookClient } from './webhook-client.js';

/**
 * OpenADR subscription callbacks over the guarded webhook transport: the echo check before a subscription is
 * stored, and the notifications after. Both go through one WebhookClient, so HTTPS, the address policy (and
 * `WATTLOG_WEBHOOK_ALLOW_HOSTS`), the 10 s deadline and the refusal of redirects hold for each.
 */
export class OadrWebhookCallbacks implements CallbackVerifier, CallbackTransport {
  constructor(private readonly client: WebhookClient) {}

  async verify(callbackUrl: string): Promise<void> {
    try {
      await verifyCallbackUrl(this.client, callbackUrl);
    } catch (error) {
      if (error instanceof CallbackVerificationError) throw new CallbackRefusedError(callbackUrl, error.message);
      throw error;
    }
  }

  async post(callbackUrl: string, body: string, bearerToken: string | undefined): Promise<CallbackOutcome> {
    try {
      await this.client.send({
        url: callbackUrl,
        method: 'POST',
        body,
        ...(bearerToken !== undefined ? { headers: { authorization: `Bearer ${bearerToken}` } } : {}),
      });
      return { ok: true };
    } catch (error) {
      if (error instanceof WebhookDeliveryError)
        return { ok: false, retryable: error.retryable, reason: `${error.reason}: ${error.message}` };
      return { ok: false, retryable: true, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
