import { describeProjection } from '#test/support/projection-spec.js';
import type { EventStore } from '../../ports/event-store.port.js';
import { accessHandlers } from '#test/support/access-handlers.js';
import {
  A_ENERGY,
  A_POWER,
  ADMIN,
  ALICE,
  B_POWER,
  BOB,
  CLIENT,
  seedTwoHomes,
  settled,
  TestClock,
} from '#test/support/access-homes.js';
import { QueryAccessLogHandler } from '../query-access-log/query-access-log.handler.js';
import { QueryAccessLog } from '../query-access-log/query-access-log.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { BufferedDataAccessRecorder } from '../record-data-access/buffered-data-access-recorder.js';
import { dataAccessLogProjection } from './data-access-log.projection.js';

describeProjection(
  'data-access log',
  dataAccessLogProjection,
  (spec) => {
    let clock: TestClock;
    const options = { flushMs: 3_600_000, maxEntries: 1000 };
    const log = async (p: Principal, sensorId?: string) =>
      (
        await new QueryAccessLogHandler(spec.backend.db).execute(
          new QueryAccessLog(p, { limit: 100, ...(sensorId ? { sensorId } : {}) }),
        )
      ).items;
    const project = async () => {
      await settled(spec.backend);
      await spec.project();
    };

    beforeEach(() => {
      clock = new TestClock(new Date('2025-03-01T12:00:00.000Z'));
    });

    it('query handlers report only what they handed out', async () => {
      const b = spec.backend;
      const h = accessHandlers(b, clock);
      await h.latest(BOB, [A_POWER, B_POWER]);
      await h.series(ALICE, [A_POWER, B_POWER], '1h');
      expect(h.log.entries).toEqual([
        { principal: BOB, accesses: [{ sensorId: B_POWER, gatewayId: 'gw-b', rows: 1 }] },
        { principal: ALICE, accesses: [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 1 }] },
      ]);
    }, 60_000);

    it('stores one event per flush window and shows owners who read their sensors, how often and how much', async () => {
      const b = spec.backend;
      const recorder = new BufferedDataAccessRecorder(b.store, clock, options);
      recorder.record(BOB, [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 1 }]);
      clock.set('2025-03-01T12:00:05.000Z');
      recorder.record(BOB, [
        { sensorId: A_POWER, gatewayId: 'gw-a', rows: 1 },
        { sensorId: A_ENERGY, gatewayId: 'gw-a', rows: 96 },
      ]);
      recorder.record(CLIENT, [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 24 }]);
      recorder.record(ALICE, [{ sensorId: B_POWER, gatewayId: 'gw-b', rows: 3 }]);
      recorder.record(BOB, []);
      await recorder.flush();
      await recorder.flush();
      const stream = await b.store.readStream('access-log-2025-03-01');
      expect(stream).toHaveLength(1);
      expect(stream[0]).toMatchObject({
        type: 'DataAccessed',
        data: { from: '2025-03-01T12:00:00.000Z', to: '2025-03-01T12:00:05.000Z' },
      });
      await project();
      expect(await log(ALICE)).toEqual([
        {
          actorId: 'client:c-1',
          sensorId: A_POWER,
          gatewayId: 'gw-a',
          firstAt: '2025-03-01T12:00:05.000Z',
          lastAt: '2025-03-01T12:00:05.000Z',
          requests: 1,
          rows: 24,
        },
        {
          actorId: 'user:bob',
          sensorId: A_ENERGY,
          gatewayId: 'gw-a',
          firstAt: '2025-03-01T12:00:05.000Z',
          lastAt: '2025-03-01T12:00:05.000Z',
          requests: 1,
          rows: 96,
        },
        {
          actorId: 'user:bob',
          sensorId: A_POWER,
          gatewayId: 'gw-a',
          firstAt: '2025-03-01T12:00:00.000Z',
          lastAt: '2025-03-01T12:00:05.000Z',
          requests: 2,
          rows: 2,
        },
      ]);
      expect((await log(BOB)).map((e) => [e.actorId, e.sensorId])).toEqual([['user:alice', B_POWER]]);
      expect(await log(CLIENT)).toEqual([]);
      expect(await log(ADMIN)).toHaveLength(4);
      clock.set('2025-03-02T08:00:00.000Z');
      recorder.record(BOB, [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 10 }]);
      await recorder.onModuleDestroy();
      expect(await b.store.readStream('access-log-2025-03-02')).toHaveLength(1);
      await project();
      expect(await log(ALICE, A_POWER)).toEqual([
        {
          actorId: 'user:bob',
          sensorId: A_POWER,
          gatewayId: 'gw-a',
          firstAt: '2025-03-01T12:00:00.000Z',
          lastAt: '2025-03-02T08:00:00.000Z',
          requests: 3,
          rows: 12,
        },
        expect.objectContaining({ actorId: 'client:c-1' }),
      ]);
    }, 60_000);

    it('keeps the entries of a failed append for the next flush', async () => {
      const b = spec.backend;
      const real = b.store;
      let failures = 1;
      const flaky = new Proxy(real, {
        get(target, property, receiver) {
          if (property === 'append' && failures > 0) {
            failures -= 1;
            return () => Promise.reject(new Error('store unavailable'));
          }
          return Reflect.get(target, property, receiver) as unknown;
        },
      }) as EventStore;
      const recorder = new BufferedDataAccessRecorder(flaky, clock, options);
      recorder.record(BOB, [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 4 }]);
      await expect(recorder.flush()).rejects.toThrow('store unavailable');
      recorder.record(BOB, [{ sensorId: A_POWER, gatewayId: 'gw-a', rows: 1 }]);
      await recorder.onModuleDestroy();
      await project();
      expect(await log(ALICE)).toEqual([expect.objectContaining({ actorId: 'user:bob', requests: 2, rows: 5 })]);
    }, 60_000);

    it('files each read under the owner of its moment across a handover, a former owner’s own reads under them, and a rebuild files them alike', async () => {
      const read = (actorId: string, at: string) => ({
        type: 'DataAccessed',
        data: {
          from: at,
          to: at,
          entries: [{ actorId, sensorId: A_POWER, gatewayId: 'gw-a', requests: 1, rows: 1, firstAt: at, lastAt: at }],
        },
      });
      await spec.given('access-log-2025-03-01', [read('client:c-1', '2025-03-01T12:00:00.000Z')]);
      await spec.given('gateway-gw-a', [
        {
          type: 'GatewayOwnerChanged',
          data: { gatewayId: 'gw-a', ownerId: 'bob', previousOwnerId: 'alice', at: '2025-03-02T00:00:00.000Z' },
        },
      ]);
      await spec.given('access-log-2025-03-03', [
        read('client:c-1', '2025-03-03T12:00:00.000Z'),
        read('user:alice', '2025-03-03T13:00:00.000Z'),
      ]);
      const expected = async (): Promise<void> => {
        expect((await log(ALICE)).map((e) => [e.actorId, e.firstAt])).toEqual([
          ['user:alice', '2025-03-03T13:00:00.000Z'],
          ['client:c-1', '2025-03-01T12:00:00.000Z'],
        ]);
        expect((await log(BOB)).map((e) => [e.actorId, e.firstAt])).toEqual([
          ['client:c-1', '2025-03-03T12:00:00.000Z'],
        ]);
        expect(await log(ADMIN)).toHaveLength(3);
      };
      await project();
      await expected();
      await spec.rebuild({ batchSize: 1 });
      await expected();
    }, 60_000);
  },
  { seed: seedTwoHomes },
);
