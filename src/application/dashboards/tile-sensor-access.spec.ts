import { aChartTile, aDashboardRenamed, aTileAdded } from '#test/builders/dashboards.js';
import type { Principal } from '../../domain/access/principal.js';
import type { DashboardEvent } from '../../domain/dashboards/dashboard.events.js';
import { ObjectNotVisibleError } from '../access/access.errors.js';
import type { AccessPolicy, AccessRight } from '../access/ports/access-policy.port.js';
import { assertTileSensors } from './tile-sensor-access.js';

const OWNER: Principal = { kind: 'user', userId: 'owner-1', role: 'user' };

/** A policy that records what it was asked and allows only the rights listed per sensor. */
function policyAllowing(allowed: Record<string, readonly AccessRight[]>) {
  const asked: string[] = [];
  const policy = {
    assertSensorRight: (_: Principal, sensorId: string, right: AccessRight) => {
      asked.push(`${right} ${sensorId}`);
      return (allowed[sensorId] ?? []).includes(right)
        ? Promise.resolve()
        : Promise.reject(new ObjectNotVisibleError('sensor', sensorId));
    },
  } as unknown as AccessPolicy;
  return { policy, asked };
}

describe('tile sensor access', () => {
  it('asks for the right each tile kind needs: aggregate to chart, read to show a value or alarms, command to switch', async () => {
    const { policy, asked } = policyAllowing({});
    const events: DashboardEvent[] = [
      aTileAdded(aChartTile({ sensorIds: ['s-1', 's-2'] })),
      aTileAdded({ tileId: 'n', kind: 'number', title: 'N', sensorId: 's-3' }),
      aTileAdded({ tileId: 'g', kind: 'gauge', title: 'G', sensorId: 's-4', min: 0, max: 1 }),
      aTileAdded({ tileId: 'w', kind: 'switch', title: 'W', sensorId: 's-5' }),
      aTileAdded({ tileId: 'a', kind: 'alarms', title: 'A', sensorIds: ['s-6'] }),
    ];
    await Promise.all(events.map((event) => assertTileSensors(policy, OWNER, [event]).catch(() => undefined)));
    expect(asked.sort()).toEqual(['aggregate s-1', 'read s-3', 'read s-4', 'command s-5', 'read s-6'].sort());
  });

  it('refuses a switch on a sensor the caller may only read, like an unknown sensor', async () => {
    const { policy } = policyAllowing({ 's-5': ['read', 'aggregate'] });
    await expect(
      assertTileSensors(policy, OWNER, [aTileAdded({ tileId: 'w', kind: 'switch', title: 'W', sensorId: 's-5' })]),
    ).rejects.toThrow('sensor s-5 not found');
  });

  it('checks restored and duplicated content again, and nothing for events without tiles', async () => {
    const { policy, asked } = policyAllowing({ 's-1': ['aggregate'] });
    await assertTileSensors(policy, OWNER, [aDashboardRenamed('Cellar')]);
    expect(asked).toEqual([]);
    await assertTileSensors(policy, OWNER, [
      {
        type: 'DashboardVersionRestored',
        data: {
          dashboardId: 'd-1',
          version: 1,
          name: 'Kitchen',
          timeRange: { kind: 'relative', last: '24h' },
          tiles: [aChartTile({ sensorIds: ['s-1'] })],
          at: '2026-12-01T10:00:00.000Z',
        },
      },
    ]);
    expect(asked).toEqual(['aggregate s-1']);
  });
});
