import { summarizeEvent } from '../audit/event-summary.js';
import type { RecordedEvent } from '../ports/event-store.port.js';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: 'e1',
  stream: 'readings-gw-1',
  revision: 12,
  position: '1:1',
  type,
  data,
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('audit summaries of gateway frames', () => {
  it('says which frame, which gateway and how many payloads (a v1 frame)', () => {
    const event = recorded('ReadingsReported', {
      gatewayId: 'gw-1',
      sequence: 12,
      networkType: 'dsmr',
      payloads: [{}, {}],
      undecoded: [{ index: 2, reason: 'unknown_kind' }],
      receivedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(summarizeEvent(event)).toBe('ReadingsReported: frame 12 from gateway gw-1: 2 dsmr payloads, 1 undecoded');
  });

  it('counts the canonical readings of a decoded frame', () => {
    const event = recorded('ReadingsReported', {
      gatewayId: 'gw-1',
      sequence: 13,
      networkType: 'dsmr',
      readings: [{}, {}, {}],
      receivedAt: '2026-03-01T12:00:00Z',
    });
    expect(summarizeEvent(event)).toBe('ReadingsReported: frame 13 from gateway gw-1: 3 readings');
  });

  it('lists why payloads were kept undecoded', () => {
    const event = recorded('UndecodedPayloadReceived', {
      gatewayId: 'gw-1',
      sequence: 3,
      networkType: null,
      undecoded: [
        { index: 0, reason: 'unknown_kind' },
        { index: 1, reason: 'unknown_kind' },
      ],
      receivedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(summarizeEvent(event)).toBe(
      'UndecodedPayloadReceived: frame 3 from gateway gw-1: 2 payloads kept undecoded (unknown_kind)',
    );
  });
});

it('never throws on an unexpected shape', () => {
  expect(summarizeEvent(recorded('ReadingsReported', { readings: 'old shape' }))).toBe(
    'ReadingsReported: frame undefined from gateway undefined: 0 undefined payloads',
  );
});
