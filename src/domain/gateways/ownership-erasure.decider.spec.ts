import { aRegisteredGateway } from '#test/builders/gateways.js';
import { DeciderSpecification } from '#test/support/decider-spec.js';
import { gatewayDecider, type GatewayCommand } from './gateway.decider.js';
import { GatewayNotFoundError, NoClosedOwnershipPeriodError, OwnerStillCurrentError } from './gateway.errors.js';
import type { GatewayEvent } from './gateway.events.js';

const ID = 'gw-1';
const FIRST_HANDOVER = '2025-02-01T00:00:00.000Z';
const SECOND_HANDOVER = '2025-03-01T00:00:00.000Z';
const BACK = '2025-04-01T00:00:00.000Z';
const AT = '2025-05-01T00:00:00.000Z';

const given = DeciderSpecification.for(gatewayDecider);
const handover = (ownerId: string, previousOwnerId: string, at: string): GatewayEvent => ({
  type: 'GatewayOwnerChanged',
  data: { gatewayId: ID, ownerId, previousOwnerId, at },
});
const erase = (ownerId: string): GatewayCommand => ({
  type: 'EraseOwnershipPeriods',
  data: { gatewayId: ID, ownerId, reason: 'moved out, asked for erasure', at: AT },
});
const erased = (ownerId: string, from: string | null, to: string): GatewayEvent => ({
  type: 'OwnershipPeriodErased',
  data: { gatewayId: ID, ownerId, from, to, reason: 'moved out, asked for erasure', at: AT },
});
const registered = aRegisteredGateway({ gatewayId: ID, ownerId: 'ann' });

describe('erasing a former owner’s ownership periods', () => {
  it('Given ann handed the gateway to bob, When ann’s periods are erased, Then one tombstone for her period, which had no start', () => {
    given(registered, handover('bob', 'ann', FIRST_HANDOVER))
      .when(erase('ann'))
      .then([erased('ann', null, FIRST_HANDOVER)]);
  });

  it('erases every ended period of the owner, and only theirs', () => {
    given(registered, handover('bob', 'ann', FIRST_HANDOVER), handover('cy', 'bob', SECOND_HANDOVER))
      .when(erase('bob'))
      .then([erased('bob', FIRST_HANDOVER, SECOND_HANDOVER)]);
    given(
      registered,
      handover('bob', 'ann', FIRST_HANDOVER),
      handover('ann', 'bob', SECOND_HANDOVER),
      handover('cy', 'ann', BACK),
    )
      .when(erase('ann'))
      .then([erased('ann', null, FIRST_HANDOVER), erased('ann', SECOND_HANDOVER, BACK)]);
  });

  it('may be asked again, for data of the period that arrived after the first erasure', () => {
    given(registered, handover('bob', 'ann', FIRST_HANDOVER), erased('ann', null, FIRST_HANDOVER))
      .when(erase('ann'))
      .then([erased('ann', null, FIRST_HANDOVER)]);
  });

  it('refuses the owner of the moment, a user who never owned it, and unknown gateways', () => {
    given(registered, handover('bob', 'ann', FIRST_HANDOVER))
      .when(erase('bob'))
      .thenThrows(OwnerStillCurrentError);
    given(registered, handover('bob', 'ann', FIRST_HANDOVER), handover('ann', 'bob', SECOND_HANDOVER))
      .when(erase('ann'))
      .thenThrows(OwnerStillCurrentError);
    given(registered).when(erase('zoe')).thenThrows(NoClosedOwnershipPeriodError);
    given().when(erase('ann')).thenThrows(GatewayNotFoundError);
  });
});
