import type { CanonicalReading } from './canonical-reading.js';
import type { PayloadDecoder } from './protocols/payload-decoder.js';
import {
  NODE_EVENT_REPORTED,
  READINGS_REPORTED,
  UNDECODED_PAYLOAD_RECEIVED,
  type GatewayFrameEvent,
  type StoredReading,
  type UndecodedPayload,
} from './gateway-frame.events.js';

/** A sequenced frame as the link delivers it, already checked for shape. */
export type GatewayFrame =
  | { readonly kind: 'readings'; readonly seq: number; readonly payloads: readonly unknown[] }
  | {
      readonly kind: 'node_event';
      readonly seq: number;
      readonly event: string;
      readonly nodeId?: string;
      readonly at?: string;
      readonly detail?: Readonly<Record<string, unknown>>;
    };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableString(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/**
 * Postgres jsonb refuses NUL characters and lone surrogates, so such text is kept as its JSON serialisation
 * (which escapes both) rather than failing the append forever. Iterative: payloads may be deeply nested.
 */
export function containsUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'string') {
      if (unstorableString(node)) return true;
    } else if (Array.isArray(node)) {
      for (const child of node as unknown[])
        if (typeof child === 'object' || typeof child === 'string') stack.push(child);
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        if (unstorableString(key)) return true;
        const child = record[key];
        if (typeof child === 'object' || typeof child === 'string') stack.push(child);
      }
    }
  }
  return false;
}

function classify(payload: unknown, index: number, networkType: string | undefined): UndecodedPayload | null {
  if (containsUnstorableText(payload)) return { index, reason: 'unstorable_text', rawJson: JSON.stringify(payload) };
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { index, reason: 'not_an_object', payload };
  }
  const kind = (payload as { kind?: unknown }).kind;
  if (typeof kind !== 'string') return { index, reason: 'missing_kind', payload };
  if (networkType === undefined) return { index, reason: 'unknown_network_type', payload };
  if (kind !== networkType) return { index, reason: 'kind_mismatch', payload };
  return null;
}

/** The protocol module for a network type, if one is installed. */
export type DecoderLookup = (networkType: string) => PayloadDecoder | undefined;

function stored(reading: CanonicalReading): StoredReading {
  const { gatewayId: _gatewayId, receivedAt: _receivedAt, ...rest } = reading;
  return rest;
}

/** Runs the module on one attributable payload; a module that breaks its never-throw promise still loses nothing. */
function decodeOne(
  decoder: PayloadDecoder,
  payload: Readonly<Record<string, unknown>>,
  index: number,
  gatewayId: string,
  receivedAt: string,
): { readings: StoredReading[] } | { problem: UndecodedPayload } {
  let outcome;
  try {
    outcome = decoder.decode(payload, { gatewayId, receivedAt });
  } catch (error) {
    outcome = {
      ok: false as const,
      reason: 'decoder_error',
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (outcome.ok) return { readings: outcome.readings.map(stored) };
  return {
    problem: { index, reason: 'refused_by_decoder', payload, decoderReason: outcome.reason, message: outcome.message },
  };
}

/**
 * The single event a frame becomes. Payloads of the gateway's network type are decoded into canonical readings by
 * its protocol module; nothing is dropped: what does not belong or does not decode is kept in `undecoded` with the
 * reason, and a frame with nothing decodable becomes UndecodedPayloadReceived.
 */
export function frameEvent(
  gatewayId: string,
  networkType: string | undefined,
  frame: GatewayFrame,
  receivedAt: string,
  decoders: DecoderLookup,
): GatewayFrameEvent {
  const sequence = frame.seq;
  if (frame.kind === 'node_event') {
    const { kind: _kind, seq: _seq, ...rest } = frame;
    if (containsUnstorableText(rest)) {
      return {
        type: UNDECODED_PAYLOAD_RECEIVED,
        data: {
          gatewayId,
          sequence,
          networkType: networkType ?? null,
          undecoded: [{ index: 0, reason: 'unstorable_text', rawJson: JSON.stringify(rest) }],
          receivedAt,
        },
      };
    }
    return { type: NODE_EVENT_REPORTED, data: { gatewayId, sequence, ...rest, receivedAt } };
  }
  const decoder = networkType === undefined ? undefined : decoders(networkType);
  const readings: StoredReading[] = [];
  const undecoded: UndecodedPayload[] = [];
  let decodedPayloads = 0;
  frame.payloads.forEach((payload, index) => {
    const problem = classify(payload, index, networkType);
    if (problem) return void undecoded.push(problem);
    if (!decoder) return void undecoded.push({ index, reason: 'no_decoder', payload });
    const result = decodeOne(decoder, payload as Record<string, unknown>, index, gatewayId, receivedAt);
    if ('problem' in result) return void undecoded.push(result.problem);
    decodedPayloads++;
    for (const reading of result.readings) readings.push(reading);
  });
  if (networkType === undefined || (decodedPayloads === 0 && undecoded.length > 0)) {
    return {
      type: UNDECODED_PAYLOAD_RECEIVED,
      data: { gatewayId, sequence, networkType: networkType ?? null, undecoded, receivedAt },
    };
  }
  return {
    type: READINGS_REPORTED,
    data: { gatewayId, sequence, networkType, readings, ...(undecoded.length > 0 ? { undecoded } : {}), receivedAt },
  };
}
