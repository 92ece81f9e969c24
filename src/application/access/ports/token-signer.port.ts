/** The claims of a Wattlog access token besides the standard iss/aud/iat/exp, which the signer sets. */
export type AccessTokenSubject =
  | { readonly kind: 'user'; readonly userId: string; readonly sessionId: string }
  | { readonly kind: 'client'; readonly clientId: string; readonly scopes?: readonly string[] };

export interface SignedAccessToken {
  readonly token: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
  /** The scopes granted, space-delimited (RFC 6749 3.3); absent when none. */
  readonly scope?: string;
}

export interface AccessTokenSigner {
  sign(subject: AccessTokenSubject, now: Date): SignedAccessToken;
}

export const ACCESS_TOKEN_SIGNER = Symbol('AccessTokenSigner');
