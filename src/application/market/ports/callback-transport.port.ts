/** How one POST of a notification to a subscriber's callback went. */
export type CallbackOutcome =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** Whether trying again later may help (a 5xx, a timeout) or not (a 4xx, a redirect, a refused address). */
      readonly retryable: boolean;
      readonly reason: string;
    };

/**
 * Sends OpenADR notifications to subscribers' callbacks. The webhook transport (infrastructure/webhooks) provides it
 * with the rules of Def-3.1.0 "Webhooks": HTTPS, no private or reserved addresses, no redirects, a 10 s deadline.
 */
export interface CallbackTransport {
  post(callbackUrl: string, body: string, bearerToken: string | undefined): Promise<CallbackOutcome>;
}

export const CALLBACK_TRANSPORT = Symbol('CallbackTransport');
