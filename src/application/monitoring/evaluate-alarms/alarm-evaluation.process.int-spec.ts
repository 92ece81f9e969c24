import { randomUUID } from 'node:crypto';
import { aPowerCeiling, aVoltageBand } from '#test/builders/monitoring.js';
import { settled } from '#test/support/access-homes.js';
import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { nodeConfigurationDecider } from '../../../domain/devices/node-configuration.decider.js';
import type { AlarmSetting } from '../../../domain/monitoring/alarm.events.js';
import { sensorIdFor, type Phase } from '../../../domain/metering/canonical-reading.js';
import type { StoredReading } from '../../../domain/metering/gateway-frame.events.js';
import { NODE_CONFIGURATION_EVENTS, nodeStream } from '../../devices/node-configuration/node-stream.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { frameEventId } from '../../metering/ingest-frame/readings-stream.js';
import type { ReadModelDb } from '../../ports/read-model-db.port.js';
import { readCheckpoint } from '../../projections/checkpoint-store.js';
import { catchUp } from '../../projections/projection-batch.js';
import { liveTables } from '../../projections/projection.js';
import { alarmStream } from '../alarm-streams.js';
import { ALARM_EVALUATION, ALARM_EVALUATION_TABLE, alarmEvaluation } from './alarm-evaluation.process.js';

const GW = 'gw-alarms';
const NODE = 'dsmr:gw-alarms/E0043007052870318';
const POWER = sensorIdFor(NODE, undefined, 'power');
const VOLTAGE = (phase: Phase): string => sensorIdFor(NODE, undefined, 'voltage', { phase });
const T = '2025-03-01T12:00:00.000Z';
const at = (seconds: number): string => new Date(Date.parse(T) + seconds * 1000).toISOString();

const ceiling: AlarmSetting = aPowerCeiling();
const band: AlarmSetting = aVoltageBand();

const power = (value: number, seconds: number): StoredReading => ({
  sensorId: POWER,
  nodeId: NODE,
  quantity: 'power',
  unit: 'W',
  value,
  measuredAt: at(seconds),
  source: { protocol: 'dsmr', obis: '1-0:1.7.0' },
});
const volts = (phase: Phase, value: number, seconds: number): StoredReading => ({
  sensorId: VOLTAGE(phase),
  nodeId: NODE,
  quantity: 'voltage',
  unit: 'V',
  value,
  measuredAt: at(seconds),
  phase,
  source: { protocol: 'dsmr', obis: '1-0:32.7.0' },
});

/** Every process step a spec needs, on one backend. */
function harness(b: SqlBackend) {
  let sequence = 0;
  const process = alarmEvaluation({ store: b.store, decoders: () => undefined });
  return {
    /** One gateway frame, stored as the ingest path stores it: revision = sequence, id from (gateway, sequence). */
    frame: async (...readings: StoredReading[]) => {
      const seq = sequence++;
      const data = { gatewayId: GW, sequence: seq, networkType: 'dsmr', readings, receivedAt: at(seq) };
      await b.store.append(
        `readings-${GW}`,
        [
          {
            id: frameEventId(GW, seq),
            type: 'ReadingsReported',
            data,
            metadata: { correlationId: `${GW}:${seq}`, schemaVersion: 2 },
          },
        ],
        {
          expectedRevision: seq === 0 ? 'no_stream' : seq - 1,
        },
      );
    },
    /** An alarm setting requested and applied in one append, as the configuration handler does. */
    configure: async (setting: AlarmSetting, appliedAt: string) => {
      const requestId = randomUUID();
      const commands = [
        {
          type: 'RequestNodeConfiguration',
          data: {
            requestId,
            nodeId: NODE,
            gatewayId: GW,
            change: setting,
            requestedBy: 'user:admin',
            reason: '',
            timeoutSeconds: 60,
            at: appliedAt,
          },
        },
        { type: 'ApplyConfiguration', data: { requestId, applied: setting, confirmation: 'stored', at: appliedAt } },
      ] as const;
      const metadata = { actorId: 'user:admin', correlationId: `config-${requestId}` };
      await handleWithDecider(b.store, nodeStream(NODE), nodeConfigurationDecider, commands, metadata, {
        events: NODE_CONFIGURATION_EVENTS,
      });
      return requestId;
    },
    evaluate: async (batchSize: number, db: ReadModelDb = b.db) => {
      await settled(b);
      return catchUp(
        b.store,
        db,
        { projection: process, checkpointName: ALARM_EVALUATION, table: liveTables },
        await readCheckpoint(db, ALARM_EVALUATION),
        { batchSize },
      );
    },
    alarms: async () =>
      (await b.store.readStream(alarmStream(NODE))).map((e) => ({
        revision: e.revision,
        id: e.id,
        type: e.type,
        data: e.data as Record<string, unknown>,
        metadata: e.metadata,
      })),
  };
}

/** The database, except that transaction number `n` fails: the process dies between a batch's appends and its commit. */
function crashingAt(n: number, db: ReadModelDb): ReadModelDb {
  let transactions = 0;
  return {
    query: (sql, params) => db.query(sql, params),
    insertRows: (table, columns, rows) => db.insertRows(table, columns, rows),
    transaction: (work) =>
      ++transactions === n ? Promise.reject(new Error('process killed before the commit')) : db.transaction(work),
    tryLock: (name) => db.tryLock(name),
    ping: () => db.ping(),
    close: () => db.close(),
  };
}

describeEachBackend('alarm evaluation on %s', (backendName) => {
  let b: SqlBackend;
  beforeEach(async () => {
    b = await openBackend(backendName, 'alarm-evaluation');
  }, 30_000);
  afterEach(async () => {
    await b?.cleanup();
  });

  /** A power ceiling and a voltage band on one meter, readings before, during and after both alarms, one late. */
  async function story(h: ReturnType<typeof harness>): Promise<{ ceilingRequest: string; bandRequest: string }> {
    await h.frame(power(5000, -100));
    const ceilingRequest = await h.configure(ceiling, T);
    const bandRequest = await h.configure(band, T);
    await h.frame(power(3100, 0), volts('L1', 230, 0), volts('L2', 250, 0));
    await h.frame(power(3500, 30), volts('L2', 260, 30));
    await h.frame(power(3200, 60), volts('L2', 262.5, 60));
    await h.frame(power(100, 45), volts('L2', 230, 45));
    await h.frame(power(2900, 90), volts('L1', 231, 90), volts('L2', 240, 90));
    return { ceilingRequest, bandRequest };
  }

  it('appends AlarmRaised and AlarmCleared to alarm-<node>: per sensor, in measured time, unmoved by late readings', async () => {
    const h = harness(b);
    const { ceilingRequest, bandRequest } = await story(h);
    await h.evaluate(1000);
    const alarms = await h.alarms();
    expect(alarms.map((a) => [a.revision, a.type, a.data.sensorId])).toEqual([
      [0, 'AlarmRaised', VOLTAGE('L2')],
      [1, 'AlarmRaised', POWER],
      [2, 'AlarmCleared', POWER],
      [3, 'AlarmCleared', VOLTAGE('L2')],
    ]);
    expect(alarms[0]!.data).toMatchObject({
      kind: 'voltage_band',
      phase: 'L2',
      direction: 'above',
      since: at(30),
      value: 260,
      setting: band,
      settingRequestId: bandRequest,
    });
    expect(alarms[1]!.data).toMatchObject({
      kind: 'power_above',
      gatewayId: GW,
      since: at(0),
      raisedAt: at(60),
      value: 3200,
      firstValue: 3100,
      peak: 3500,
      setting: ceiling,
      settingRequestId: ceilingRequest,
    });
    expect(alarms[2]!.data).toMatchObject({
      alarmId: alarms[1]!.data.alarmId,
      clearedAt: at(90),
      reason: 'condition_ended',
      value: 2900,
      peak: 3500,
    });
    expect(alarms[3]!.data).toMatchObject({
      alarmId: alarms[0]!.data.alarmId,
      clearedAt: at(90),
      value: 240,
      peak: 262.5,
    });
    expect(alarms[1]!.metadata).toMatchObject({
      actorId: 'system:alarm-evaluation',
      correlationId: `${GW}:3`,
      causationId: frameEventId(GW, 3),
    });
  });

  it('appends each alarm event exactly once: after a crash between appends and commit, with other batch sizes, and after its state was lost', async () => {
    const h = harness(b);
    await story(h);
    // Batches of 3: the settings, then the frames that raise both alarms — appended, never committed.
    await expect(h.evaluate(3, crashingAt(2, b.db))).rejects.toThrow('process killed before the commit');
    const afterCrash = await h.alarms();
    expect(afterCrash.map((a) => a.type)).toEqual(['AlarmRaised', 'AlarmRaised']);
    await h.evaluate(2);
    const once = await h.alarms();
    expect(once.map((a) => a.type)).toEqual(['AlarmRaised', 'AlarmRaised', 'AlarmCleared', 'AlarmCleared']);
    expect(once.slice(0, afterCrash.length)).toEqual(afterCrash);

    // The read models reset while the log stays: deciding everything again from the start appends nothing new.
    await b.db.query(`DELETE FROM ${ALARM_EVALUATION_TABLE}`);
    await b.db.query('DELETE FROM projection_checkpoints WHERE name = $1', [ALARM_EVALUATION]);
    await h.evaluate(1);
    expect(await h.alarms()).toEqual(once);
  });

  it('a setting disabled or changed clears the open alarm with its reason; the change is judged from then on', async () => {
    const h = harness(b);
    await h.configure(ceiling, T);
    await h.configure(band, T);
    await h.frame(power(3100, 0), volts('L3', 190, 0));
    await h.frame(power(3100, 60));
    await h.evaluate(1000);
    await h.configure({ ...ceiling, thresholdW: 3050 }, at(70));
    await h.configure({ ...band, enabled: false }, at(70));
    await h.frame(power(3100, 80), volts('L3', 180, 80));
    await h.frame(power(3100, 140));
    await h.evaluate(1000);
    expect(
      (await h.alarms()).map((a) => [
        a.type,
        a.data.kind,
        a.data.reason ?? a.data.since,
        a.data.clearedAt ?? a.data.raisedAt,
      ]),
    ).toEqual([
      ['AlarmRaised', 'voltage_band', at(0), at(0)],
      ['AlarmRaised', 'power_above', at(0), at(60)],
      ['AlarmCleared', 'power_above', 'setting_changed', at(70)],
      ['AlarmCleared', 'voltage_band', 'setting_disabled', at(70)],
      ['AlarmRaised', 'power_above', at(80), at(140)],
    ]);
  });
});
