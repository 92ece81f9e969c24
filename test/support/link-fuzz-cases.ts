import { createCipheriv } from 'node:crypto';
import { encodeFrame } from '../../src/infrastructure/tls-link/frame-codec.js';
import { LINK_PROTOCOL_VERSION } from '../../src/infrastructure/tls-link/link-messages.js';

/** mulberry32: small, seedable, good enough to make a failing fuzz run reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Deterministic bulk bytes for a seed: an AES-128-CTR keystream (a JS PRNG per byte is too slow for 10k cases). */
function seededBytes(seed: number, salt: number, n: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32BE(seed >>> 0, 0);
  key.writeUInt32BE(salt >>> 0, 4);
  return createCipheriv('aes-128-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(n));
}

export interface FuzzCase {
  readonly kind: string;
  /** Bytes before any TLS (garbage at the handshake) or inside an established TLS session. */
  readonly layer: 'tcp' | 'tls';
  readonly bytes: Buffer;
  /** Half-close after writing, for inputs the server can only judge at the end of the stream. */
  readonly end: boolean;
}

const FUZZ_KINDS = [
  'random_bytes',
  'truncated_frame',
  'oversized_prefix',
  'empty_frame',
  'bad_json',
  'not_utf8',
  'wrong_version',
  'bad_hello',
  'hello_then_garbage',
  'bad_readings',
  'too_deep',
  'pre_tls_garbage',
] as const;

/** Case `index` of a run; the same seed and index always give the same case. */
export function fuzzCase(seed: number, gatewayId: string, index: number): FuzzCase {
  const random = seededRandom(seed + index);
  const int = (n: number): number => Math.floor(random() * n);
  let salt = 0;
  const bytes = (n: number): Buffer => seededBytes(seed + index, salt++, n);
  const frame = (value: unknown): Buffer => encodeFrame(Buffer.from(JSON.stringify(value)));
  const hello = (v = LINK_PROTOCOL_VERSION): Buffer => frame({ type: 'hello', v, gatewayId, agentVersion: 'fuzz' });
  const kind = FUZZ_KINDS[index % FUZZ_KINDS.length]!;
  switch (kind) {
    case 'random_bytes':
      return { kind, layer: 'tls', bytes: bytes(1 + int(3000)), end: true };
    case 'truncated_frame': {
      const whole = hello();
      return { kind, layer: 'tls', bytes: whole.subarray(0, 1 + int(whole.length - 1)), end: true };
    }
    case 'oversized_prefix': {
      const header = Buffer.alloc(4);
      header.writeUInt32BE(1024 * 1024 + 1 + int(0xffffffff - 1024 * 1024 - 1));
      return { kind, layer: 'tls', bytes: Buffer.concat([header, bytes(int(20_000))]), end: false };
    }
    case 'empty_frame':
      return { kind, layer: 'tls', bytes: Buffer.alloc(4), end: false };
    case 'bad_json': {
      const text = JSON.stringify({ type: 'hello', v: 1, gatewayId, agentVersion: 'fuzz' });
      let cut = text.slice(0, int(text.length)) + ['}', ',', '"', '{', 'x', ''][int(6)]!;
      if (cut.length === 0 || parsesAsJson(cut)) cut += '}';
      return { kind, layer: 'tls', bytes: encodeFrame(Buffer.from(cut)), end: false };
    }
    case 'not_utf8':
      return {
        kind,
        layer: 'tls',
        bytes: encodeFrame(Buffer.concat([Buffer.from('{"type":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])),
        end: false,
      };
    case 'wrong_version':
      return { kind, layer: 'tls', bytes: hello([0, 2, 3, 99, 1.5, -1][int(6)]!), end: false };
    case 'bad_hello': {
      const variants: unknown[] = [
        { type: 'hello', v: 1, gatewayId: `${gatewayId}-other`, agentVersion: 'fuzz' },
        { type: 'hello', v: 1, gatewayId },
        { type: 'hello', v: 1, gatewayId, agentVersion: 'fuzz', extra: int(10) },
        { type: 'readings', seq: 0, payloads: [] },
        { type: 'hello', v: '1', gatewayId, agentVersion: 'fuzz' },
        [1, 2, 3],
        null,
        'hello',
      ];
      return { kind, layer: 'tls', bytes: frame(variants[int(variants.length)]), end: false };
    }
    case 'hello_then_garbage':
      return { kind, layer: 'tls', bytes: Buffer.concat([hello(), bytes(1 + int(2000))]), end: true };
    case 'bad_readings': {
      const variants: unknown[] = [
        { type: 'readings', seq: -1 - int(5), payloads: [] },
        { type: 'readings', seq: random(), payloads: [] },
        { type: 'readings', seq: 'x', payloads: [] },
        { type: 'readings', seq: 1, payloads: 'nope' },
        { type: 'readings', seq: 1 },
        { type: 'hello', v: 1, gatewayId, agentVersion: 'twice' },
        { type: 'ack', seq: 1 },
        { type: 'node_event', seq: 1, event: 'unknown-kind' },
      ];
      return { kind, layer: 'tls', bytes: Buffer.concat([hello(), frame(variants[int(variants.length)])]), end: false };
    }
    case 'too_deep': {
      // Deeper inputs are covered by the parser spec; here depth only has to exceed the limit.
      const depth = 40 + int(5_000);
      const deep = Buffer.from(`{"type":"readings","seq":0,"payloads":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      return { kind, layer: 'tls', bytes: Buffer.concat([hello(), encodeFrame(deep)]), end: false };
    }
    case 'pre_tls_garbage':
      return { kind, layer: 'tcp', bytes: bytes(1 + int(2000)), end: true };
  }
}
