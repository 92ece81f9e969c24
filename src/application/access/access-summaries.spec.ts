import type { RecordedEvent } from '../ports/event-store.port.js';
import { summarizeEvent } from '../audit/event-summary.js';

const event = (type: string, data: unknown): RecordedEvent =>
  ({
    id: 'e',
    type,
    data,
    metadata: {},
    stream: 's',
    revision: 0,
    position: '1',
    recordedAt: '2025-03-01T00:00:00.000Z',
  }) as unknown as RecordedEvent;

describe('access audit summaries', () => {
  it('says who gave whom what, and survives shapes it does not expect', () => {
    expect(
      summarizeEvent(
        event('AccessGranted', {
          grantId: 'g',
          grantor: 'user:alice',
          grantee: { kind: 'user', id: 'bob' },
          scope: { sensorIds: ['s-1', 's-2'] },
          rights: ['read', 'aggregate'],
          expiresAt: '2025-04-01T00:00:00.000Z',
          at: 'x',
        }),
      ),
    ).toBe(
      'AccessGranted: user:alice gave user:bob read+aggregate on 0 gateways, 0 nodes, 2 sensors until 2025-04-01T00:00:00.000Z',
    );
    expect(
      summarizeEvent(event('GatewayOwnerChanged', { gatewayId: 'gw-1', previousOwnerId: 'root', ownerId: 'alice' })),
    ).toBe('GatewayOwnerChanged: gateway gw-1 handed from root to alice');
    expect(summarizeEvent(event('AccessGranted', {}))).toContain('gave undefined:undefined');
  });
});
