import type { CanonicalReading } from '../../canonical-reading.js';
import { dsmrDecoder } from './dsmr.decoder.js';
import { withComputedCrc } from '#test/fixtures/telegram.fixtures.js';

const context = { gatewayId: 'gw-9', receivedAt: '2024-05-01T12:00:05.000Z' };
const HEAD = ['1-3:0.2.8(50)', '0-0:1.0.0(240501140000S)', '0-0:96.1.1(4530303434303037313331363530363138)'];
const METER = 'dsmr:E0044007131650618';

function readingsOf(lines: readonly string[]): readonly CanonicalReading[] {
  const outcome = dsmrDecoder.decode({ kind: 'dsmr', telegram: withComputedCrc('/ABC5 test', lines) }, context);
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome.readings;
}

function values(readings: readonly CanonicalReading[]): Record<string, number> {
  return Object.fromEntries(readings.map((r) => [r.sensorId, r.value]));
}

describe('dsmrDecoder units and signs', () => {
  it('turns kW into W exactly and reports export as negative net power, per phase too', () => {
    const readings = readingsOf([
      ...HEAD,
      '1-0:1.7.0(00.000*kW)',
      '1-0:2.7.0(01.739*kW)',
      '1-0:21.7.0(01.111*kW)',
      '1-0:22.7.0(04.444*kW)',
      '1-0:41.7.0(00.188*kW)',
      '1-0:61.7.0(00.000*kW)',
      '1-0:62.7.0(01.928*kW)',
    ]);
    expect(values(readings)).toEqual({
      [`${METER}/power`]: -1739,
      [`${METER}/power.L1`]: -3333,
      [`${METER}/power.L2`]: 188,
      [`${METER}/power.L3`]: -1928,
    });
    expect(readings.every((r) => r.unit === 'W' && r.measuredAt === '2024-05-01T12:00:00.000Z')).toBe(true);
  });

  it('accepts W and Wh registers and converts Wh to kWh', () => {
    const readings = readingsOf([...HEAD, '1-0:1.8.1(0001234567*Wh)', '1-0:1.8.2(000012.5*kWh)', '1-0:1.7.0(00450*W)']);
    expect(values(readings)).toEqual({
      [`${METER}/energyImported.t1`]: 1234.567,
      [`${METER}/energyImported.t2`]: 12.5,
      [`${METER}/power`]: 450,
    });
  });

  it('uses 1.8.0/2.8.0 only on meters without tariff registers', () => {
    expect(values(readingsOf([...HEAD, '1-0:1.8.0(000123.456*kWh)', '1-0:2.8.0(000001.5*kWh)']))).toEqual({
      [`${METER}/energyImported`]: 123.456,
      [`${METER}/energyExported`]: 1.5,
    });
    expect(values(readingsOf([...HEAD, '1-0:1.8.0(000123.456*kWh)', '1-0:1.8.1(000100.000*kWh)']))).toEqual({
      [`${METER}/energyImported.t1`]: 100,
    });
  });

  it('falls back to gateway-scoped node ids and the receipt time when the telegram has neither', () => {
    const readings = readingsOf([
      '1-3:0.2.8(50)',
      '1-0:1.8.1(000001.000*kWh)',
      '0-2:24.1.0(003)',
      '0-2:24.2.1(240501135500S)(00042.000*m3)',
    ]);
    expect(readings.map((r) => [r.sensorId, r.nodeId, r.measuredAt])).toEqual([
      ['dsmr:gw-9/p1/energyImported.t1', 'dsmr:gw-9/p1', context.receivedAt],
      ['dsmr:gw-9/mbus2/gasVolume', 'dsmr:gw-9/mbus2', '2024-05-01T11:55:00.000Z'],
    ]);
  });

  it('reads only gas from M-Bus: a water meter (device type 7) gives no reading', () => {
    const readings = readingsOf([
      ...HEAD,
      '0-1:24.1.0(007)',
      '0-1:96.1.1(3853455430303030383337393634)',
      '0-1:24.2.1(240501135102S)(00003.830*m3)',
      '0-2:24.1.0(003)',
      '0-2:96.1.1(37464C4F32313233303135313839)',
      '0-2:24.2.3(240501135500S)(00512.034*m3)',
    ]);
    expect(readings.map((r) => [r.sensorId, r.value])).toEqual([['dsmr:7FLO2123015189/gasVolume', 512.034]]);
  });

  it('ignores registers it has no quantity for', () => {
    const readings = readingsOf([
      ...HEAD,
      '0-0:96.14.0(0002)',
      '1-0:1.6.0(240415191500S)(03.841*kW)',
      '0-0:17.0.0(999.9*kW)',
      '1-0:99.99.9(x)',
    ]);
    expect(readings).toEqual([]);
  });
});
