/**
 * Checks a subscriber's callback before a subscription naming it is stored: OpenADR 3.1.0 ("Webhooks") has the VTN
 * send `GET <callbackUrl>?echo=<random>` and expect the value back, over HTTPS, refusing private and reserved
 * addresses and redirects. The webhook transport (infrastructure/webhooks) provides it.
 */
export interface CallbackVerifier {
  /** Resolves when the callback answered the echo; rejects with `CallbackRefusedError` otherwise. */
  verify(callbackUrl: string): Promise<void>;
}

export const CALLBACK_VERIFIER = Symbol('CallbackVerifier');

/** The callback failed verification: answered 400, nothing stored. */
export class CallbackRefusedError extends Error {
  override readonly name = 'CallbackRefusedError';
  constructor(
    readonly callbackUrl: string,
    reason: string,
  ) {
    super(`callbackUrl ${callbackUrl} was refused: ${reason}`);
  }
}
