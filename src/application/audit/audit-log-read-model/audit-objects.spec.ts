import type { RecordedEvent } from '../../ports/event-store.port.js';
import { objectIdsOf } from './audit-log.projection.js';

const recorded = (data: unknown): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  stream: 's',
  revision: 0,
  position: '1',
  type: 'T',
  data,
  metadata: {},
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('audit objects of an event', () => {
  it('names each id once, in field order, skipping empty, overlong and non-text values', () => {
    expect(
      objectIdsOf(
        recorded({
          sensorId: 's-1',
          gatewayId: 'gw-1',
          nodeId: 'gw-1',
          userId: '',
          clientId: 'x'.repeat(301),
          grantId: 7,
          alarmId: 'a-1',
        }),
      ),
    ).toEqual(['gw-1', 's-1', 'a-1']);
  });

  it('names none for data that is not an object', () => {
    expect(objectIdsOf(recorded(null))).toEqual([]);
    expect(objectIdsOf(recorded('text'))).toEqual([]);
  });
});
