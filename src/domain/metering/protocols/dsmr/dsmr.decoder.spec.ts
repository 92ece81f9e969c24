import type { CanonicalReading } from '../../canonical-reading.js';
import { dsmrDecoder } from './dsmr.decoder.js';
import {
  DSMR22_WITH_GAS,
  DSMR42_WITH_GAS,
  DSMR50_GAS_PLACEHOLDER,
  DSMR50_THREE_PHASE_GAS,
  EMUCS_FLUVIUS,
} from '#test/fixtures/telegram.fixtures.js';

const context = { gatewayId: 'gw-1', receivedAt: '2024-05-01T12:00:00.000Z' };

function readingsOf(telegram: string): readonly CanonicalReading[] {
  const outcome = dsmrDecoder.decode({ kind: 'dsmr', telegram }, context);
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome.readings;
}

/** sensorId → [value, measuredAt], to compare whole telegrams at a glance. */
function table(readings: readonly CanonicalReading[]): Record<string, [number, string]> {
  return Object.fromEntries(readings.map((r) => [r.sensorId, [r.value, r.measuredAt]]));
}

describe('dsmrDecoder', () => {
  it('is the dsmr protocol module', () => {
    expect(dsmrDecoder.protocol).toBe('dsmr');
  });

  describe('DSMR 5.0, three phases, gas on M-Bus 1', () => {
    const readings = readingsOf(DSMR50_THREE_PHASE_GAS);
    const meter = 'dsmr:K8EG004046395507';
    const at = '2017-01-02T18:20:02.000Z';

    it('produces one reading per register, electricity stamped with 0-0:1.0.0 and gas with its own time', () => {
      expect(table(readings)).toEqual({
        [`${meter}/energyImported.t1`]: [4.426, at],
        [`${meter}/energyImported.t2`]: [2.399, at],
        [`${meter}/energyExported.t1`]: [2.444, at],
        [`${meter}/energyExported.t2`]: [0, at],
        [`${meter}/voltage.L1`]: [230, at],
        [`${meter}/voltage.L2`]: [230, at],
        [`${meter}/voltage.L3`]: [229, at],
        [`${meter}/current.L1`]: [0.48, at],
        [`${meter}/current.L2`]: [0.44, at],
        [`${meter}/current.L3`]: [0.86, at],
        [`${meter}/power`]: [244, at],
        [`${meter}/power.L1`]: [70, at],
        [`${meter}/power.L2`]: [32, at],
        [`${meter}/power.L3`]: [142, at],
        'dsmr:2222ABCD123456789/gasVolume': [0.107, '2017-01-02T15:10:05.000Z'],
      });
    });

    it('fills every canonical field', () => {
      expect(readings.find((r) => r.sensorId === `${meter}/energyImported.t1`)).toEqual({
        sensorId: `${meter}/energyImported.t1`,
        nodeId: meter,
        gatewayId: 'gw-1',
        quantity: 'energyImported',
        unit: 'kWh',
        value: 4.426,
        measuredAt: at,
        receivedAt: context.receivedAt,
        tariff: 1,
        source: { protocol: 'dsmr', obis: '1-0:1.8.1', version: '50' },
      });
      expect(readings.find((r) => r.quantity === 'gasVolume')).toEqual({
        sensorId: 'dsmr:2222ABCD123456789/gasVolume',
        nodeId: 'dsmr:2222ABCD123456789',
        gatewayId: 'gw-1',
        quantity: 'gasVolume',
        unit: 'm3',
        value: 0.107,
        measuredAt: '2017-01-02T15:10:05.000Z',
        receivedAt: context.receivedAt,
        source: { protocol: 'dsmr', obis: '0-1:24.2.1', version: '50' },
      });
    });

    it('reports net power in W with phase, naming both registers it came from', () => {
      const l3 = readings.find((r) => r.sensorId === `${meter}/power.L3`);
      expect(l3).toMatchObject({ quantity: 'power', unit: 'W', phase: 'L3', value: 142 });
      expect(l3?.source).toEqual({ protocol: 'dsmr', obis: '1-0:61.7.0', exportObis: '1-0:62.7.0', version: '50' });
    });
  });

  it('decodes DSMR 4.2 (single phase, summer time, gas) with its S time stamps', () => {
    const readings = readingsOf(DSMR42_WITH_GAS);
    const meter = 'dsmr:E0031003239456716';
    const at = '2019-09-05T19:40:03.000Z';
    expect(table(readings)).toEqual({
      [`${meter}/energyImported.t1`]: [3235.689, at],
      [`${meter}/energyImported.t2`]: [6777.24, at],
      [`${meter}/energyExported.t1`]: [0.313, at],
      [`${meter}/energyExported.t2`]: [0, at],
      [`${meter}/current.L1`]: [2, at],
      [`${meter}/power`]: [374, at],
      [`${meter}/power.L1`]: [374, at],
      'dsmr:G0019340315370616/gasVolume': [1091.352, '2019-09-05T19:00:00.000Z'],
    });
    expect(new Set(readings.map((r) => r.source.version))).toEqual(new Set(['42']));
  });

  it('decodes Belgian e-MUCS (Fluvius): 24.2.3 gas, M-Bus id on 96.1.1, capacity lines ignored', () => {
    const readings = readingsOf(EMUCS_FLUVIUS);
    const meter = 'dsmr:1SAG1100057729';
    const at = '2022-12-20T19:45:56.000Z';
    expect(table(readings)).toEqual({
      [`${meter}/energyImported.t1`]: [3457.591, at],
      [`${meter}/energyImported.t2`]: [4282.456, at],
      [`${meter}/energyExported.t1`]: [447.891, at],
      [`${meter}/energyExported.t2`]: [203.818, at],
      [`${meter}/voltage.L1`]: [231.6, at],
      [`${meter}/current.L1`]: [2.72, at],
      [`${meter}/power`]: [524, at],
      [`${meter}/power.L1`]: [524, at],
      'dsmr:7FLO2119098432/gasVolume': [4761.307, '2022-12-20T19:39:58.000Z'],
    });
    expect(readings.find((r) => r.quantity === 'gasVolume')?.source).toEqual({
      protocol: 'dsmr',
      obis: '0-1:24.2.3',
      version: '50217',
    });
  });

  it('decodes DSMR 2.2: no checksum, two-line gas in local time, zeroed ids → gateway-scoped node ids', () => {
    const readings = readingsOf(DSMR22_WITH_GAS);
    const meter = 'dsmr:gw-1/p1';
    const at = context.receivedAt;
    expect(table(readings)).toEqual({
      [`${meter}/energyImported.t1`]: [1.001, at],
      [`${meter}/energyImported.t2`]: [1.001, at],
      [`${meter}/energyExported.t1`]: [1.001, at],
      [`${meter}/energyExported.t2`]: [1.001, at],
      [`${meter}/power`]: [1010, at],
      'dsmr:gw-1/mbus1/gasVolume': [1.001, '2016-11-07T18:00:00.000Z'],
    });
    expect(readings[0]?.source).toEqual({ protocol: 'dsmr', obis: '1-0:1.8.1', version: '2.2/3.0' });
  });

  it('leaves out a gas meter that has not reported yet but keeps the electricity readings', () => {
    const readings = readingsOf(DSMR50_GAS_PLACEHOLDER);
    expect(readings.filter((r) => r.quantity === 'gasVolume')).toEqual([]);
    expect(readings).toHaveLength(14);
  });
});
