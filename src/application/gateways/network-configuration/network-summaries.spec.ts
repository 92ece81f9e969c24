import { summarizeEvent } from '../../audit/event-summary.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';

const recorded = (type: string, data: unknown): RecordedEvent => ({
  id: 'e1',
  stream: 'gateway-gw-1',
  revision: 3,
  position: '1:1',
  type,
  data,
  metadata: { actorId: 'user:admin' },
  recordedAt: '2026-01-01T00:00:00.000Z',
});

describe('audit summaries of network configuration', () => {
  it('says what was asked of which gateway, by whom and why', () => {
    const change = { kind: 'channel', channel: 20 };
    const event = recorded('NetworkConfigurationRequested', {
      requestId: 'r1',
      gatewayId: 'gw-1',
      field: 'network.channel',
      change,
      requestedBy: 'user:admin',
      reason: 'wifi on 6',
      expiresAt: '2026-01-01T00:02:00.000Z',
    });
    expect(summarizeEvent(event)).toBe(
      'NetworkConfigurationRequested: move to channel 20 on gateway gw-1 by user:admin (wifi on 6), expires 2026-01-01T00:02:00.000Z',
    );
    const close = recorded('NetworkConfigurationRequested', {
      gatewayId: 'gw-1',
      change: { kind: 'permit_join', seconds: 0 },
      requestedBy: 'user:admin',
      reason: '',
      expiresAt: 'x',
    });
    expect(summarizeEvent(close)).toBe(
      'NetworkConfigurationRequested: close joining on gateway gw-1 by user:admin, expires x',
    );
  });

  it('says what the coordinator reported, or why it was refused', () => {
    const applied = recorded('NetworkConfigurationApplied', {
      gatewayId: 'gw-1',
      field: 'network.channel',
      applied: { kind: 'channel', channel: 20, panId: 1, extendedPanId: '0x01', nwkUpdateId: 1 },
    });
    expect(summarizeEvent(applied)).toBe(
      'NetworkConfigurationApplied: network.channel of gateway gw-1 applied: coordinator on channel 20 (nwkUpdateId 1)',
    );
    const open = recorded('NetworkConfigurationApplied', {
      gatewayId: 'gw-1',
      field: 'network.permitJoin',
      applied: { kind: 'permit_join', open: true, until: '2026-01-01T00:01:00.000Z' },
    });
    expect(summarizeEvent(open)).toBe(
      'NetworkConfigurationApplied: network.permitJoin of gateway gw-1 applied: joining open until 2026-01-01T00:01:00.000Z',
    );
    expect(
      summarizeEvent(
        recorded('NetworkConfigurationRejected', {
          gatewayId: 'gw-1',
          field: 'network.channel',
          detail: 'not supported',
        }),
      ),
    ).toBe('NetworkConfigurationRejected: network.channel of gateway gw-1 rejected: not supported');
    expect(
      summarizeEvent(recorded('NetworkConfigurationTimedOut', { gatewayId: 'gw-1', field: 'network.permitJoin' })),
    ).toBe('NetworkConfigurationTimedOut: network.permitJoin of gateway gw-1 timed out');
  });

  it('never throws on an event of another shape', () => {
    expect(summarizeEvent(recorded('NetworkConfigurationApplied', { applied: 7 }))).toBe(
      'NetworkConfigurationApplied: ? of gateway ? applied: ?',
    );
  });
});
