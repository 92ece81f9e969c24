import { float32Words } from '../../domain/metering/protocols/modbus/float32-words.js';
import { ModbusClient } from './modbus-serial.js';
import { Sdm630Simulator } from './sdm630-simulator.js';

describe('Sdm630Simulator', () => {
  let meter: Sdm630Simulator;
  let client: ModbusClient;

  beforeEach(async () => {
    meter = await Sdm630Simulator.start({ values: { 'voltage.L1': 230.1, frequency: 49.98 }, unitId: 5 });
    client = new ModbusClient();
    client.setTimeout(500);
    await client.connectTCP(meter.host, { port: meter.port });
    client.setID(5);
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => client.destroy(() => resolve()));
    await meter.stop();
  });

  it('serves the values as big-endian float32 input registers at the SDM630 addresses', async () => {
    const voltage = await client.readInputRegisters(0x00, 2);
    expect(voltage.data).toEqual([0x4366, 0x199a]);
    const frequency = await client.readInputRegisters(0x46, 2);
    expect(frequency.data).toEqual(float32Words(49.98));
    expect(meter.values()['frequency']).toBe(Math.fround(49.98));
  });

  it('serves new values while running', async () => {
    meter.setValue('energyImported', 4321.5);
    const block = await client.readInputRegisters(0x34, 0x18);
    expect(block.data.slice(0x48 - 0x34, 0x48 - 0x34 + 2)).toEqual(float32Words(4321.5));
  });

  it('answers an illegal data address exception outside its blocks', async () => {
    await expect(client.readInputRegisters(0x12, 2)).rejects.toMatchObject({ modbusCode: 2 });
  });

  it('ignores requests for another unit id, as a meter on a shared bus does', async () => {
    client.setID(6);
    await expect(client.readInputRegisters(0, 2)).rejects.toMatchObject({ name: 'TransactionTimedOutError' });
  });

  it('refuses a point the map does not have', () => {
    expect(() => meter.setValue('temperature', 20)).toThrow('sdm630 has no point "temperature"');
  });
});
