import { ADMIN, openGatewayBackend, policyOf, type GatewayBackend } from '#test/support/gateway-backend.js';
import { GatewayDecommissionedError } from '../../../domain/gateways/gateway.errors.js';
import type { EventStore } from '../../ports/event-store.port.js';
import { DecommissionGateway } from '../decommission-gateway/decommission-gateway.command.js';
import { DecommissionGatewayHandler } from '../decommission-gateway/decommission-gateway.handler.js';
import { RegisterGateway } from '../register-gateway/register-gateway.command.js';
import { RegisterGatewayHandler } from '../register-gateway/register-gateway.handler.js';
import { RecordLinkRefusal, RecordLinkSessionClosed, RecordLinkSessionOpened } from './record-link-event.commands.js';
import {
  RecordLinkRefusalHandler,
  RecordLinkSessionClosedHandler,
  RecordLinkSessionOpenedHandler,
} from './record-link-event.handlers.js';
import { LinkEventRecorder } from './link-event-recorder.js';

const T0 = new Date('2024-05-01T10:00:00.000Z');
const plus = (ms: number): Date => new Date(T0.getTime() + ms);

/** Counts stream reads, to show the throttle keeps a brute-forcer away from the store. */
function countingReads(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = (...args) => {
    reads++;
    return store.readStream(...args);
  };
  return { store: counted, reads: () => reads };
}

describe('LinkEventRecorder', () => {
  let b: GatewayBackend;
  beforeAll(async () => {
    b = await openGatewayBackend('pglite', 'linkevents');
  }, 30_000);
  afterAll(() => b.cleanup());

  const register = (gatewayId: string) =>
    new RegisterGatewayHandler(b.store, b.vault, policyOf(b)).execute(
      new RegisterGateway(
        { gatewayId, name: 'Home', networkType: 'zigbee', address: 'a', location: { lat: 0, lon: 0 } },
        T0,
        ADMIN,
      ),
    );
  const types = async (gatewayId: string): Promise<string[]> =>
    (await b.store.readStream(`gateway-${gatewayId}`)).map((e) => e.type);

  it('records session open and close through the command handlers, once each', async () => {
    await register('sess-1');
    const recorder = new LinkEventRecorder(b.store);
    const session = {
      gatewayId: 'sess-1',
      sessionId: 's-1',
      remoteAddress: '127.0.0.1:40000',
      protocolVersion: 1,
      at: plus(1000),
    };
    expect(await new RecordLinkSessionOpenedHandler(recorder).execute(new RecordLinkSessionOpened(session))).toBe(true);
    expect(await new RecordLinkSessionOpenedHandler(recorder).execute(new RecordLinkSessionOpened(session))).toBe(
      false,
    );
    const closed = {
      gatewayId: 'sess-1',
      sessionId: 's-1',
      reason: 'idle timeout',
      at: plus(2000),
      framesReceived: 4,
      readingsReceived: 9,
    };
    expect(await new RecordLinkSessionClosedHandler(recorder).execute(new RecordLinkSessionClosed(closed))).toBe(true);
    const events = await b.store.readStream('gateway-sess-1');
    expect(events.map((e) => e.type)).toEqual(['GatewayRegistered', 'LinkSessionOpened', 'LinkSessionClosed']);
    expect(events[1]).toMatchObject({
      data: {
        gatewayId: 'sess-1',
        sessionId: 's-1',
        remoteAddress: '127.0.0.1:40000',
        protocolVersion: 1,
        at: plus(1000).toISOString(),
      },
      metadata: { actorId: 'link-server', correlationId: 's-1' },
    });
    expect(events[2]?.data).toEqual({ ...closed, at: plus(2000).toISOString() });
  });

  it('retries on concurrent writes so parallel sessions of one gateway are all recorded', async () => {
    await register('sess-2');
    const recorder = new LinkEventRecorder(b.store, { maxAttempts: 20 });
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recorder.sessionOpened({
          gatewayId: 'sess-2',
          sessionId: `s-${i}`,
          remoteAddress: '127.0.0.1:1',
          protocolVersion: 1,
          at: T0,
        }),
      ),
    );
    expect((await types('sess-2')).filter((t) => t === 'LinkSessionOpened')).toHaveLength(8);
  });

  it('refuses to open sessions for decommissioned gateways', async () => {
    await register('sess-3');
    await new DecommissionGatewayHandler(b.store, policyOf(b)).execute(
      new DecommissionGateway('sess-3', 'gone', T0, ADMIN),
    );
    await expect(
      new LinkEventRecorder(b.store).sessionOpened({
        gatewayId: 'sess-3',
        sessionId: 's',
        remoteAddress: 'x',
        protocolVersion: 1,
        at: T0,
      }),
    ).rejects.toThrow(GatewayDecommissionedError);
  });

  it('records one refusal per gateway and reason per minute, without reading the store for the suppressed ones', async () => {
    await register('ref-1');
    const { store, reads } = countingReads(b.store);
    const recorder = new LinkEventRecorder(store);
    const handler = new RecordLinkRefusalHandler(recorder);
    expect(await handler.execute(new RecordLinkRefusal('ref-1', 'wrong_key', 'psk mismatch', T0))).toBe(true);
    const readsAfterFirst = reads();
    for (let i = 1; i <= 1000; i++) await recorder.record('ref-1', 'wrong_key', 'psk mismatch', plus(i * 10));
    expect(reads()).toBe(readsAfterFirst);
    expect(await handler.execute(new RecordLinkRefusal('ref-1', 'bad_hello', 'version 9', plus(20_000)))).toBe(true);
    expect(await handler.execute(new RecordLinkRefusal('ref-1', 'wrong_key', 'psk mismatch', plus(60_000)))).toBe(true);
    expect(await types('ref-1')).toEqual([
      'GatewayRegistered',
      'LinkConnectionRefused',
      'LinkConnectionRefused',
      'LinkConnectionRefused',
    ]);
  });

  it('keeps the limit across restarts: the decider checks the stored trail', async () => {
    await register('ref-2');
    await new LinkEventRecorder(b.store).record('ref-2', 'wrong_key', 'first', T0);
    const restarted = new LinkEventRecorder(b.store);
    expect(await restarted.recordRefusal('ref-2', 'wrong_key', 'second', plus(30_000))).toBe(false);
    expect(await types('ref-2')).toEqual(['GatewayRegistered', 'LinkConnectionRefused']);
  });

  it('records nothing for identities never registered and bounds what it remembers', async () => {
    const recorder = new LinkEventRecorder(b.store, { maxTrackedRefusals: 10 });
    for (let i = 0; i < 50; i++)
      expect(await recorder.recordRefusal(`spray-${i}`, 'unknown_identity', 'no such gateway', T0)).toBe(false);
    expect(await b.store.readAll({ max: 10, filter: { streamPrefixes: ['gateway-spray-'] } })).toEqual([]);
    expect((recorder as unknown as { lastRefusal: Map<string, number> }).lastRefusal.size).toBe(10);
  });
});
