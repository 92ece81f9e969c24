import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type {
  AccessTokenSigner,
  AccessTokenSubject,
  SignedAccessToken,
} from '../../application/access/ports/token-signer.port.js';

export const JWT_ALGORITHM = 'HS256';
export const JWT_AUDIENCE = 'wattlog-api';
export const JWT_ISSUER = 'wattlog';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** The claims Wattlog puts in an access token; `typ` keeps user and client tokens apart. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly typ: 'user' | 'client';
  readonly sid?: string;
  /** OpenADR scopes of a client token, space-delimited. */
  readonly scope?: string;
}

/** Signs HS256 access tokens. Verification lives with the HTTP guard (passport-jwt) and pins the same algorithm. */
export class JwtAccessTokenSigner implements AccessTokenSigner {
  // Made once: from a raw Buffer jsonwebtoken derives a key object on every call, which is slow.
  private readonly key: KeyObject;

  constructor(
    key: Buffer,
    private readonly ttlSeconds: number = ACCESS_TOKEN_TTL_SECONDS,
  ) {
    this.key = createSecretKey(key);
  }

  sign(subject: AccessTokenSubject, now: Date): SignedAccessToken {
    const iat = Math.floor(now.getTime() / 1000);
    const scope = subject.kind === 'client' && subject.scopes?.length ? subject.scopes.join(' ') : undefined;
    const claims =
      subject.kind === 'user'
        ? { sub: subject.userId, typ: 'user', sid: subject.sessionId }
        : { sub: subject.clientId, typ: 'client', ...(scope !== undefined ? { scope } : {}) };
    const token = jwt.sign({ ...claims, iat, exp: iat + this.ttlSeconds }, this.key, {
      algorithm: JWT_ALGORITHM,
      audience: JWT_AUDIENCE,
      issuer: JWT_ISSUER,
    });
    return { token, expiresIn: this.ttlSeconds, ...(scope !== undefined ? { scope } : {}) };
  }
}
