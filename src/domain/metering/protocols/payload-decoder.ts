import type { CanonicalReading } from '../canonical-reading.js';

/** What a decoder knows besides the payload: the gateway that sent it and when the server received it. */
export interface DecodeContext {
  readonly gatewayId: string;
  /** ISO-8601 UTC. */
  readonly receivedAt: string;
}

export type DecodeOutcome =
  | { readonly ok: true; readonly readings: readonly CanonicalReading[] }
  /** `reason` is a short stable code (`bad_crc`, `unknown_model`, …); `message` one line a person can act on. */
  | { readonly ok: false; readonly reason: string; readonly message: string };

/**
 * One per protocol: native payload (as the agent sent it, `{ kind: <network type>, ... }`) → canonical readings.
 * Pure and synchronous, never throws on bad input: it answers `ok: false` with a reason instead.
 */
export interface PayloadDecoder {
  readonly protocol: string;
  decode(payload: Readonly<Record<string, unknown>>, context: DecodeContext): DecodeOutcome;
  /**
   * Optional asynchronous warm-up the ingest path awaits once per frame before decoding its payloads synchronously,
   * for decoders whose lookups are asynchronous (e.g. device definitions by model). Must not throw.
   */
  prepare?(payloads: readonly Readonly<Record<string, unknown>>[]): Promise<void>;
}

export function refused(reason: string, message: string): DecodeOutcome {
  return { ok: false, reason, message };
}

export function decoded(readings: readonly CanonicalReading[]): DecodeOutcome {
  return { ok: true, readings };
}
