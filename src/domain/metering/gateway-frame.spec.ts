import { containsUnstorableText, frameEvent } from './gateway-frame.js';

const AT = '2026-03-01T12:00:00.000Z';

describe('frameEvent', () => {
  it('keeps a frame whole: attributable payloads and the rest, in one event', () => {
    const event = frameEvent('gw', 'zigbee', { kind: 'readings', seq: 4, payloads: [{ kind: 'zigbee', v: 1 }, null, { kind: 'dsmr' }] }, AT);
    expect(event).toEqual({
      type: 'ReadingsReported',
      data: {
        gatewayId: 'gw',
        sequence: 4,
        networkType: 'zigbee',
        payloads: [{ kind: 'zigbee', v: 1 }],
        undecoded: [
          { index: 1, reason: 'not_an_object', payload: null },
          { index: 2, reason: 'kind_mismatch', payload: { kind: 'dsmr' } },
        ],
        receivedAt: AT,
      },
    });
  });

  it('an empty frame of a known gateway is an empty ReadingsReported (a heartbeat still takes its revision)', () => {
    expect(frameEvent('gw', 'modbus', { kind: 'readings', seq: 0, payloads: [] }, AT).type).toBe('ReadingsReported');
  });

  it('keeps text Postgres would refuse as its JSON, which escapes it', () => {
    const lone = { kind: 'zigbee', name: 'ab\ud800' };
    const event = frameEvent('gw', 'zigbee', { kind: 'readings', seq: 0, payloads: [lone] }, AT);
    expect(event.type).toBe('UndecodedPayloadReceived');
    const rawJson = (event.data as unknown as { undecoded: { rawJson: string }[] }).undecoded[0]!.rawJson;
    expect(rawJson).toBe('{"kind":"zigbee","name":"ab\\ud800"}');
    expect(containsUnstorableText(rawJson)).toBe(false);
    expect(JSON.parse(rawJson)).toEqual(lone);
  });

  it('finds unstorable text in keys and deep values, and accepts proper surrogate pairs', () => {
    expect(containsUnstorableText({ a: [{ 'k\u0000': 1 }] })).toBe(true);
    expect(containsUnstorableText([[['\udc00x']]])).toBe(true);
    expect(containsUnstorableText({ emoji: '⚡🔌', n: 1, ok: true, none: null })).toBe(false);
  });

  it('a node event keeps its own fields, or becomes undecoded when it carries unstorable text', () => {
    expect(frameEvent('gw', 'zigbee', { kind: 'node_event', seq: 2, event: 'left', nodeId: 'n1' }, AT)).toEqual({
      type: 'NodeEventReported',
      data: { gatewayId: 'gw', sequence: 2, event: 'left', nodeId: 'n1', receivedAt: AT },
    });
    const bad = frameEvent('gw', 'zigbee', { kind: 'node_event', seq: 3, event: 'joined', nodeId: 'n\u0000' }, AT);
    expect(bad).toMatchObject({ type: 'UndecodedPayloadReceived', data: { sequence: 3, undecoded: [{ reason: 'unstorable_text' }] } });
  });
});
