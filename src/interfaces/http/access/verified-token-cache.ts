import type { AccessTokenClaims } from '../../../infrastructure/auth/jwt-access-tokens.js';

export type VerifiedClaims = Partial<AccessTokenClaims> & { readonly exp?: number; readonly iat?: number };

interface Entry {
  readonly claims: VerifiedClaims;
  readonly validUntilMs: number;
}

/**
 * Access tokens whose signature, algorithm, audience and issuer were checked, by their exact text: a client sends
 * the same token for up to 15 minutes, and checking its HMAC again gives the same answer. Time still counts — an
 * entry lasts only as long as the verifier would accept the token (expiry and maximum age, each with the clock
 * tolerance) — and whether its session or client is still active is asked on every request by the caller. A forged
 * or altered token is different text, so it always meets the full verification.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly limits: { readonly capacity: number; readonly clockToleranceS: number; readonly maxAgeS: number },
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): VerifiedClaims | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (this.now() < entry.validUntilMs) return entry.claims;
    this.entries.delete(token);
    return undefined;
  }

  /** Only after the full verification accepted the token. Tokens without `exp` are not kept. */
  remember(token: string, claims: VerifiedClaims): void {
    if (typeof claims.exp !== 'number') return;
    const { clockToleranceS, maxAgeS, capacity } = this.limits;
    const untilS = Math.min(
      claims.exp + clockToleranceS,
      typeof claims.iat === 'number' ? claims.iat + maxAgeS + clockToleranceS : Infinity,
    );
    if (this.entries.size >= capacity) {
      // Oldest first: Map keeps insertion order, and an old entry is the nearest to expiring anyway.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { claims, validUntilMs: untilS * 1000 });
  }

  get size(): number {
    return this.entries.size;
  }
}
