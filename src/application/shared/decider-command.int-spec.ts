import { aRegisteredGateway } from '#test/builders/gateways.js';
import { ADMIN } from '#test/support/gateway-backend.js';
import { openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { gatewayDecider, type GatewayCommand } from '../../domain/gateways/gateway.decider.js';
import type { NetworkConfigurationEvent } from '../../domain/gateways/network-configuration.events.js';
import { GATEWAY_EVENTS, gatewayStream } from '../gateways/gateway-stream.js';
import { WrongExpectedRevisionError } from '../ports/event-store.port.js';
import { handleWithDecider, loadStream, toNewEvents } from './decider-command.js';

const AT = '2024-05-01T10:00:00.000Z';
const changeOwner = (gatewayId: string, ownerId: string): GatewayCommand => ({
  type: 'ChangeGatewayOwner',
  data: { gatewayId, ownerId, at: AT },
});
const sessionOpened = (gatewayId: string, sessionId: string): GatewayCommand => ({
  type: 'RecordLinkSessionOpened',
  data: { gatewayId, sessionId, remoteAddress: '127.0.0.1', protocolVersion: 1, at: AT },
});

describe('handleWithDecider', () => {
  let b: SqlBackend;
  beforeAll(async () => {
    b = (await openBackend('pglite', 'decider-command'))!;
  }, 30_000);
  afterAll(() => b.cleanup());

  async function registered(gatewayId: string): Promise<void> {
    await b.store.append(
      gatewayStream(gatewayId),
      toNewEvents([aRegisteredGateway({ gatewayId })], ADMIN, GATEWAY_EVENTS),
      { expectedRevision: 'no_stream' },
    );
  }

  it('Given a gateway, When a command decides events, Then they are appended at the folded revision with who asked, and never the principal', async () => {
    await registered('dc-1');
    const { events, state } = await handleWithDecider(
      b.store,
      gatewayStream('dc-1'),
      gatewayDecider,
      changeOwner('dc-1', 'owner-2'),
      ADMIN,
      { events: GATEWAY_EVENTS },
    );
    expect(state).toMatchObject({ status: 'registered', ownerId: 'owner-1' });
    expect(events).toEqual([
      {
        type: 'GatewayOwnerChanged',
        data: { gatewayId: 'dc-1', ownerId: 'owner-2', previousOwnerId: 'owner-1', at: AT },
      },
    ]);
    const recorded = await b.store.readStream(gatewayStream('dc-1'));
    expect(recorded[1]).toMatchObject({ revision: 1, type: 'GatewayOwnerChanged' });
    expect(recorded[1]?.metadata).toEqual({
      actorId: ADMIN.actorId,
      correlationId: ADMIN.correlationId,
      schemaVersion: 1,
    });
  });

  it('Given a gateway, When it is handed to its current owner, Then nothing is decided and nothing appended', async () => {
    await registered('dc-2');
    const { events } = await handleWithDecider(
      b.store,
      gatewayStream('dc-2'),
      gatewayDecider,
      changeOwner('dc-2', 'owner-1'),
      ADMIN,
      { events: GATEWAY_EVENTS },
    );
    expect(events).toEqual([]);
    expect(await b.store.readStream(gatewayStream('dc-2'))).toHaveLength(1);
  });

  it('Given a stream holding another decider’s events, Then those are skipped by the fold but count for the revision', async () => {
    await registered('dc-3');
    const other: NetworkConfigurationEvent = {
      type: 'NetworkConfigurationSent',
      data: { requestId: 'r1', gatewayId: 'dc-3', field: 'network.channel', sentAt: AT },
    };
    await b.store.append(
      gatewayStream('dc-3'),
      toNewEvents([other], ADMIN, { accepts: () => true, schemaVersion: 1 }),
      { expectedRevision: 0 },
    );
    const loaded = await loadStream(b.store, gatewayStream('dc-3'), gatewayDecider, GATEWAY_EVENTS);
    expect(loaded.revision).toBe(1);
    expect(loaded.recorded.map((e) => e.type)).toEqual(['GatewayRegistered']);
    await handleWithDecider(b.store, gatewayStream('dc-3'), gatewayDecider, sessionOpened('dc-3', 's-1'), ADMIN, {
      events: GATEWAY_EVENTS,
    });
    expect((await b.store.readStream(gatewayStream('dc-3'))).map((e) => e.type)).toEqual([
      'GatewayRegistered',
      'NetworkConfigurationSent',
      'LinkSessionOpened',
    ]);
  });

  it('Given a concurrent append, Then one attempt reports the conflict and more attempts decide again on fresh state', async () => {
    await registered('dc-4');
    const racing = (sessionId: string) => async () => {
      await handleWithDecider(b.store, gatewayStream('dc-4'), gatewayDecider, sessionOpened('dc-4', sessionId), ADMIN, {
        events: GATEWAY_EVENTS,
      });
    };
    await expect(
      handleWithDecider(b.store, gatewayStream('dc-4'), gatewayDecider, sessionOpened('dc-4', 'mine'), ADMIN, {
        events: GATEWAY_EVENTS,
        beforeAppend: racing('other-1'),
      }),
    ).rejects.toThrow(WrongExpectedRevisionError);
    let raced = false;
    const once = async (): Promise<void> => {
      if (raced) return;
      raced = true;
      await racing('other-2')();
    };
    const { state } = await handleWithDecider(
      b.store,
      gatewayStream('dc-4'),
      gatewayDecider,
      sessionOpened('dc-4', 'mine'),
      ADMIN,
      {
        events: GATEWAY_EVENTS,
        attempts: 2,
        beforeAppend: once,
      },
    );
    expect(state).toMatchObject({ openSessions: ['other-1', 'other-2'] });
    expect(
      (await b.store.readStream(gatewayStream('dc-4'))).map((e) => (e.data as { sessionId?: string }).sessionId),
    ).toEqual([undefined, 'other-1', 'other-2', 'mine']);
  });
});
