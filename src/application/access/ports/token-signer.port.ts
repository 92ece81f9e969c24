/** The claims of a Wattlog access token besides the standard iss/aud/iat/exp, which the signer sets. */
export type AccessTokenSubject =
  | { readonly kind: 'user'; readonly userId: string; readonly sessionId: string }
  | { readonly kind: 'client'; readonly clientId: string };

export interface SignedAccessToken {
  readonly token: string;
  /** Seconds until it expires. */
  readonly expiresIn: number;
}

export interface AccessTokenSigner {
  sign(subject: AccessTokenSubject, now: Date): SignedAccessToken;
}

export const ACCESS_TOKEN_SIGNER = Symbol('AccessTokenSigner');
