import {
  NODE_EVENT_REPORTED,
  READINGS_REPORTED,
  UNDECODED_PAYLOAD_RECEIVED,
  type GatewayFrameEvent,
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
      for (const child of node as unknown[]) if (typeof child === 'object' || typeof child === 'string') stack.push(child);
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

/**
 * The single event a frame becomes. Nothing is dropped: what does not belong to the gateway's network type is kept
 * in `undecoded` with the reason, and a frame with nothing attributable becomes UndecodedPayloadReceived.
 */
export function frameEvent(
  gatewayId: string,
  networkType: string | undefined,
  frame: GatewayFrame,
  receivedAt: string,
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
  const payloads: unknown[] = [];
  const undecoded: UndecodedPayload[] = [];
  frame.payloads.forEach((payload, index) => {
    const problem = classify(payload, index, networkType);
    if (problem) undecoded.push(problem);
    else payloads.push(payload);
  });
  if (networkType === undefined || (payloads.length === 0 && undecoded.length > 0)) {
    return {
      type: UNDECODED_PAYLOAD_RECEIVED,
      data: { gatewayId, sequence, networkType: networkType ?? null, undecoded, receivedAt },
    };
  }
  return {
    type: READINGS_REPORTED,
    data: { gatewayId, sequence, networkType, payloads, ...(undecoded.length > 0 ? { undecoded } : {}), receivedAt },
  };
}
