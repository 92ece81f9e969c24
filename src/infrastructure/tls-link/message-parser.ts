import { DEFAULT_MAX_FRAME_BYTES, encodeFrame } from './frame-codec.js';
import { NODE_EVENT_KINDS, type DownstreamMessage, type UpstreamMessage } from './link-messages.js';

export type ProtocolErrorReason = 'bad_encoding' | 'bad_json' | 'bad_message' | 'unknown_type' | 'too_deep';

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  constructor(
    readonly reason: ProtocolErrorReason,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Deeper JSON than this is refused: JSON.stringify recurses, so a hostile 100k-deep payload would otherwise blow the
 * stack later, in the append. Native device payloads are a few levels deep.
 */
export const MAX_JSON_DEPTH = 32;
const MAX_ID_LENGTH = 128;
const MAX_TEXT_LENGTH = 4096;

type Check = (value: unknown) => string | null;

const text =
  (max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length > 0 && value.length <= max
      ? null
      : `a non-empty string of at most ${max} characters`;
const sequence: Check = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? null : 'an integer ≥ 0';
const positive: Check = (value) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? null : 'an integer > 0';
const bool: Check = (value) => (typeof value === 'boolean' ? null : 'a boolean');
const array: Check = (value) => (Array.isArray(value) ? null : 'an array');
const record: Check = (value) => (isRecord(value) ? null : 'an object');
const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? null : `one of ${allowed.join(', ')}`;
const isoTime: Check = (value) =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? null : 'an ISO-8601 time';

interface Shape {
  readonly required: Readonly<Record<string, Check>>;
  readonly optional?: Readonly<Record<string, Check>>;
}

const UPSTREAM: Readonly<Record<UpstreamMessage['type'], Shape>> = {
  hello: {
    required: { v: positive, gatewayId: text(MAX_ID_LENGTH), agentVersion: text(MAX_ID_LENGTH) },
    optional: { lastAckedSequence: sequence },
  },
  readings: { required: { seq: sequence, payloads: array } },
  node_event: {
    required: { event: oneOf(NODE_EVENT_KINDS) },
    optional: { seq: sequence, nodeId: text(MAX_ID_LENGTH), at: isoTime, detail: record },
  },
  command_result: {
    required: { commandId: text(MAX_ID_LENGTH), ok: bool },
    optional: { detail: text(MAX_TEXT_LENGTH), report: record },
  },
  ping: { required: {} },
  pong: { required: {} },
  error: { required: { reason: text(MAX_ID_LENGTH) }, optional: { detail: text(MAX_TEXT_LENGTH) } },
};

const DOWNSTREAM: Readonly<Record<DownstreamMessage['type'], Shape>> = {
  accept: {
    required: {
      v: positive,
      sessionId: text(MAX_ID_LENGTH),
      nextSequence: sequence,
      maxFrameBytes: positive,
      idleTimeoutMs: positive,
    },
  },
  ack: { required: { seq: sequence } },
  nack: { required: { seq: sequence, reason: oneOf(['sequence_gap']), expectedSequence: sequence } },
  command: {
    required: { commandId: text(MAX_ID_LENGTH), target: text(MAX_ID_LENGTH), action: text(MAX_ID_LENGTH) },
    optional: { params: record },
  },
  config: { required: { commandId: text(MAX_ID_LENGTH), target: text(MAX_ID_LENGTH), settings: record } },
  ping: { required: {} },
  pong: { required: {} },
  error: { required: { reason: text(MAX_ID_LENGTH) }, optional: { detail: text(MAX_TEXT_LENGTH) } },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Iterative, so the check itself cannot overflow the stack it protects. */
export function jsonDepthExceeds(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const nodes: object[] = [];
  const depths: number[] = [];
  if (typeof value === 'object' && value !== null) {
    nodes.push(value);
    depths.push(1);
  }
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > limit) return true;
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function validate<T>(shapes: Readonly<Record<string, Shape>>, body: Buffer): T {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
  } catch (error) {
    if (error instanceof SyntaxError) throw new ProtocolError('bad_json', 'frame body is not JSON');
    throw new ProtocolError('bad_encoding', 'frame body is not UTF-8');
  }
  if (!isRecord(value)) throw new ProtocolError('bad_message', 'a message must be a JSON object');
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) {
    throw new ProtocolError(
      'unknown_type',
      `unknown message type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}`,
    );
  }
  const shape = shapes[type]!;
  for (const [field, check] of Object.entries(shape.required)) {
    if (!Object.hasOwn(value, field)) throw new ProtocolError('bad_message', `${type}.${field} is missing`);
    const problem = check(value[field]);
    if (problem) throw new ProtocolError('bad_message', `${type}.${field} must be ${problem}`);
  }
  for (const [field, fieldValue] of Object.entries(value)) {
    if (field === 'type' || Object.hasOwn(shape.required, field)) continue;
    const check = shape.optional && Object.hasOwn(shape.optional, field) ? shape.optional[field] : undefined;
    if (!check)
      throw new ProtocolError('bad_message', `${type} has an unexpected field ${JSON.stringify(field.slice(0, 40))}`);
    const problem = check(fieldValue);
    if (problem) throw new ProtocolError('bad_message', `${type}.${field} must be ${problem}`);
  }
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH + 1)) {
    throw new ProtocolError('too_deep', `${type} nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value as T;
}

/** Strict: unknown types, missing or extra fields and wrong field types are all refused. */
export function parseUpstream(body: Buffer): UpstreamMessage {
  return validate<UpstreamMessage>(UPSTREAM, body);
}

export function parseDownstream(body: Buffer): DownstreamMessage {
  return validate<DownstreamMessage>(DOWNSTREAM, body);
}

export function encodeMessage(
  message: UpstreamMessage | DownstreamMessage,
  maxFrameBytes = DEFAULT_MAX_FRAME_BYTES,
): Buffer {
  return encodeFrame(Buffer.from(JSON.stringify(message)), maxFrameBytes);
}
