import { jsonDepthExceeds, parseDownstream, parseUpstream, ProtocolError } from './message-parser.js';

const body = (value: unknown): Buffer => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const reasonOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('link message parser', () => {
  it('accepts well-formed messages in their direction only', () => {
    const hello = { type: 'hello', v: 1, gatewayId: 'gw-1', agentVersion: '0.1.0', lastAckedSequence: 4 };
    expect(parseUpstream(body(hello))).toEqual(hello);
    expect(parseUpstream(body({ type: 'readings', seq: 0, payloads: [1, 'x', { kind: 'zigbee' }] }))).toMatchObject({
      seq: 0,
    });
    expect(
      parseUpstream(body({ type: 'node_event', event: 'joined', nodeId: 'n1', at: '2026-01-01T00:00:00Z' })),
    ).toMatchObject({
      event: 'joined',
    });
    const result = {
      type: 'command_result',
      commandId: 'c1',
      ok: true,
      detail: 'on channel 15',
      report: { kind: 'channel', channel: 15 },
    };
    expect(parseUpstream(body(result))).toEqual(result);
    expect(parseDownstream(body({ type: 'ack', seq: 3 }))).toEqual({ type: 'ack', seq: 3 });
    expect(reasonOf(() => parseUpstream(body({ type: 'ack', seq: 3 })))).toBe('unknown_type');
    expect(reasonOf(() => parseDownstream(body(hello)))).toBe('unknown_type');
  });

  it.each([
    ['not JSON', '{"type":', 'bad_json'],
    ['not an object', '[1,2]', 'bad_message'],
    ['no type', { v: 1 }, 'unknown_type'],
    ['unknown type', { type: 'launch' }, 'unknown_type'],
    ['missing field', { type: 'hello', v: 1, gatewayId: 'g' }, 'bad_message'],
    ['extra field', { type: 'ping', extra: true }, 'bad_message'],
    ['negative seq', { type: 'readings', seq: -1, payloads: [] }, 'bad_message'],
    ['fractional seq', { type: 'readings', seq: 1.5, payloads: [] }, 'bad_message'],
    ['unsafe seq', { type: 'readings', seq: 2 ** 53, payloads: [] }, 'bad_message'],
    ['payloads not an array', { type: 'readings', seq: 1, payloads: {} }, 'bad_message'],
    [
      'a report that is not an object',
      { type: 'command_result', commandId: 'c1', ok: true, report: [15] },
      'bad_message',
    ],
    ['unknown node event', { type: 'node_event', event: 'exploded' }, 'bad_message'],
    ['empty gateway id', { type: 'hello', v: 1, gatewayId: '', agentVersion: 'a' }, 'bad_message'],
    ['inherited field name', { type: 'hello', v: 1, gatewayId: 'g', agentVersion: 'a', toString: 1 }, 'bad_message'],
    ['__proto__ type', { type: '__proto__' }, 'unknown_type'],
    ['too deep', { type: 'readings', seq: 0, payloads: [JSON.parse('['.repeat(40) + ']'.repeat(40))] }, 'too_deep'],
  ])('refuses %s', (_name, value, reason) => {
    expect(reasonOf(() => parseUpstream(body(value)))).toBe(reason);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(reasonOf(() => parseUpstream(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])))).toBe('bad_encoding');
  });

  it('measures depth without recursion', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(jsonDepthExceeds(deep, 32)).toBe(true);
    expect(jsonDepthExceeds({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [{ b: {} }] }, 3)).toBe(true);
  });
});
