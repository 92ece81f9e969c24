import { aRegisteredGateway } from '#test/builders/gateways.js';
import { describeProjection } from '#test/support/projection-spec.js';
import type { GatewayOwnerChanged } from '../../../domain/gateways/gateway.events.js';
import { ownershipPeriodsProjection } from './ownership-periods.projection.js';

const REGISTERED = '2025-01-01T00:00:00.000Z';
const HANDOVER = '2025-02-01T12:00:00.000Z';
const BACK = '2025-03-01T00:00:00.000Z';

const handover = (ownerId: string, previousOwnerId: string, at: string): GatewayOwnerChanged => ({
  type: 'GatewayOwnerChanged',
  data: { gatewayId: 'gw-1', ownerId, previousOwnerId, at },
});

interface PeriodRow {
  gateway_id: string;
  owner_id: string;
  /** Null for the first owner's period, which has no start. */
  valid_from: string | null;
  valid_to: string | null;
}

const PERIODS_SQL = `SELECT gateway_id, owner_id,
    CASE WHEN isfinite(valid_from) THEN to_char(valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END AS valid_from,
    to_char(valid_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS valid_to
  FROM ownership_periods ORDER BY gateway_id, ownership_periods.valid_from`;

describeProjection('ownership_periods read model', ownershipPeriodsProjection, (spec) => {
  it('Given a registration and two handovers, Then one period per owner, the first without start, each closed at the next handover', async () => {
    await spec.given(
      'gateway-gw-1',
      [
        aRegisteredGateway({ gatewayId: 'gw-1', ownerId: 'ann', registeredAt: REGISTERED }),
        handover('bob', 'ann', HANDOVER),
        handover('ann', 'bob', BACK),
      ],
      'no_stream',
    );
    await spec.given(
      'gateway-gw-2',
      [aRegisteredGateway({ gatewayId: 'gw-2', ownerId: 'cy', registeredAt: REGISTERED })],
      'no_stream',
    );
    await spec.project({ batchSize: 2 });
    const expected: PeriodRow[] = [
      { gateway_id: 'gw-1', owner_id: 'ann', valid_from: null, valid_to: HANDOVER },
      { gateway_id: 'gw-1', owner_id: 'bob', valid_from: HANDOVER, valid_to: BACK },
      { gateway_id: 'gw-1', owner_id: 'ann', valid_from: BACK, valid_to: null },
      { gateway_id: 'gw-2', owner_id: 'cy', valid_from: null, valid_to: null },
    ];
    expect(await spec.rows<PeriodRow>(PERIODS_SQL)).toEqual(expected);

    await spec.rebuild({ batchSize: 1 });
    expect(await spec.rows<PeriodRow>(PERIODS_SQL)).toEqual(expected);
  });
});
