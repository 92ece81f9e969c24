import { DSMR50_THREE_PHASE_GAS } from '#test/fixtures/telegram.fixtures.js';
import { float32Words } from '../../../domain/metering/protocols/modbus/float32-words.js';
import { assertCliBuilt, runCli } from '#test/support/cli.js';

const lines = (stdout: string): Record<string, unknown>[] =>
  stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('wattlog decode (process)', () => {
  beforeAll(() => assertCliBuilt());

  it('turns P1 telegrams on stdin, noise and all, into canonical readings, one JSON line each', async () => {
    const result = await runCli(
      ['decode', '--protocol', 'dsmr', '--gateway', 'gw-p1'],
      {},
      `noise\r\n${DSMR50_THREE_PHASE_GAS}${DSMR50_THREE_PHASE_GAS}`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const readings = lines(result.stdout);
    expect(readings.length % 2).toBe(0);
    expect(readings.length).toBeGreaterThan(10);
    expect(
      readings.every(
        (r) => r.gatewayId === 'gw-p1' && typeof r.sensorId === 'string' && typeof r.receivedAt === 'string',
      ),
    ).toBe(true);
    expect(new Set(readings.map((r) => r.quantity))).toEqual(
      new Set(['energyImported', 'energyExported', 'power', 'voltage', 'current', 'gasVolume']),
    );
    expect(readings.find((r) => r.quantity === 'energyImported')).toMatchObject({ unit: 'kWh', tariff: 1 });
  });

  it('refuses a telegram with a bad CRC: exit 1, one line naming the reason, no readings', async () => {
    const tampered = DSMR50_THREE_PHASE_GAS.replace('1-0:1.8.1(', '1-0:1.8.1(9');
    const result = await runCli(['decode', '--protocol', 'dsmr'], {}, tampered);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^wattlog: payload 1: bad_crc: /);
  });

  it('decodes zigbee2mqtt payloads and SDM630 register blocks given as JSON lines', async () => {
    const z2m = JSON.stringify({
      topic: 'zigbee2mqtt/plug',
      message: { power: 42.5, energy: 12.25, state: 'OFF' },
      measuredAt: '2026-03-01T12:00:00.000Z',
    });
    const plug = await runCli(['decode', '--protocol', 'zigbee2mqtt'], {}, `${z2m}\n`);
    expect(plug.code).toBe(0);
    expect(lines(plug.stdout).map((r) => [r.quantity, r.value, r.unit])).toEqual([
      ['power', 42.5, 'W'],
      ['energyImported', 12.25, 'kWh'],
      ['switchState', 0, '1'],
    ]);

    const words = new Array<number>(18).fill(0);
    [words[0], words[1]] = float32Words(230.5);
    const block = JSON.stringify({ blocks: [{ start: 0, words }], measuredAt: '2026-03-01T12:00:00.000Z' });
    const meter = await runCli(['decode', '--protocol', 'sdm630', '--gateway', 'gw-m'], {}, `${block}\n`);
    expect(meter.stderr).toMatch(/^wattlog: payload 1: missing_registers/);
  });

  it('answers input that is not JSON with the line number', async () => {
    const result = await runCli(
      ['decode', '--protocol', 'zigbee2mqtt'],
      {},
      '{"topic":"zigbee2mqtt/a","message":{}}\nnot json\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('wattlog: line 2: not JSON');
  });
});
