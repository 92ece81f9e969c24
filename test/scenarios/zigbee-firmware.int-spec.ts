import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { VIRTUAL_DEVICE_PROFILES } from '../../src/infrastructure/zigbee/virtual-device-profiles.js';
import { parseZigbeeSettings } from '../../src/infrastructure/zigbee/zigbee-settings.js';
import { ZigbeeSource } from '../../src/infrastructure/zigbee/zigbee.source.js';
import { ControlHarness, nodePath, until } from '#test/support/control-harness.js';
import { anOtaImage } from '#test/support/ota-image.js';

const IKEA = VIRTUAL_DEVICE_PROFILES['ikea-inspelning'];
const DEVELCO = VIRTUAL_DEVICE_PROFILES['develco-zhemi101'];
const PLUG = `zigbee:${IKEA.ieee}`;
const METER = `zigbee:${DEVELCO.ieee}`;
const IKEA_IMAGE = { manufacturerCode: IKEA.manufacturerCode, imageType: IKEA.ota!.imageType };

describe("firmware updates end to end: API → link → agent → herdsman updateOta → the virtual plug's OTA client", () => {
  let harness: ControlHarness;
  let source: ZigbeeSource;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wattlog-ota-'));
    await writeFile(
      join(dir, 'inspelning-2.4.50.ota'),
      anOtaImage({ ...IKEA_IMAGE, fileVersion: 0x02040050, headerString: '2.4.50' }),
    );
    await writeFile(
      join(dir, 'inspelning-2.4.60.ota'),
      anOtaImage({ ...IKEA_IMAGE, fileVersion: 0x02040060, headerString: '2.4.60', corrupt: true }),
    );
    await writeFile(
      join(dir, 'index.json'),
      JSON.stringify([
        { url: 'inspelning-2.4.50.ota', version: '2.4.50', modelId: 'INSPELNING Smart plug' },
        { url: 'inspelning-2.4.60.ota', version: '2.4.60' },
      ]),
    );
    harness = await ControlHarness.start('ota');
    const gateway = await harness.aGateway('zigbee');
    source = new ZigbeeSource(
      parseZigbeeSettings({
        kind: 'zigbee',
        databasePath: join(dir, 'zigbee', 'database.db'),
        virtual: { devices: ['ikea-inspelning', 'develco-zhemi101'], permitJoinSeconds: 60, simulateSeconds: 0 },
        ota: { indexPath: join(dir, 'index.json'), blockSize: 64, responseDelayMs: 0, requestTimeoutMs: 5000 },
      }),
      { logger: pino({ level: 'silent' }) },
    );
    await gateway.connect(source);
    await until(
      'both devices interviewed',
      async () => {
        const [plug, meter] = await Promise.all([harness.get(nodePath(PLUG)), harness.get(nodePath(METER))]);
        return plug.model === 'E22xx' && meter.model === 'ZHEMI101' ? true : undefined;
      },
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('updates the plug to a version in the index: Applied once the device reports the new file version, with the new firmware in the nodes read model', async () => {
    const requestId = await harness.configure(PLUG, {
      kind: 'firmware_update',
      version: '2.4.50',
      reason: 'security fix',
    });
    const outcome = await harness.settled(PLUG, requestId);
    expect(outcome).toMatchObject({
      type: 'NodeConfigurationApplied',
      field: 'firmware',
      detail: expect.stringContaining('reports file version 0x02040050, swBuildId 2.4.50') as unknown,
    });
    const plug = source.virtualCoordinator!.device(IKEA.ieee)!;
    expect(plug.ota?.fileVersion).toBe(0x02040050);
    expect(plug.value(1, 'genBasic', 'swBuildId')).toBe('2.4.50');
    const history = await harness.get<{
      fields: { field: string; sync: string; applied: { value: unknown } | null }[];
    }>(`${nodePath(PLUG)}/configuration`);
    expect(history.fields).toContainEqual(
      expect.objectContaining({
        field: 'firmware',
        sync: 'applied',
        applied: expect.objectContaining({ value: { kind: 'firmware_update', version: '2.4.50' } }) as unknown,
      }),
    );
    await until('the firmware in the nodes read model', async () =>
      (await harness.get(nodePath(PLUG))).firmware === '2.4.50' ? true : undefined,
    );
  }, 30_000);

  it('rejects a version the index does not have, a corrupt image the device refuses, and devices without OTA', async () => {
    const missing = await harness.settled(
      PLUG,
      await harness.configure(PLUG, { kind: 'firmware_update', version: '9.9.9' }),
    );
    expect(missing).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: expect.stringContaining('no image of version 9.9.9') as unknown,
    });
    const corrupt = await harness.settled(
      PLUG,
      await harness.configure(PLUG, { kind: 'firmware_update', version: '2.4.60' }),
    );
    expect(corrupt).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: expect.stringContaining('INVALID_IMAGE') as unknown,
    });
    expect(source.virtualCoordinator!.device(IKEA.ieee)!.ota?.fileVersion).toBe(0x02040050);
    const meter = await harness.settled(
      METER,
      await harness.configure(METER, { kind: 'firmware_update', version: '3.2.0' }),
    );
    expect(meter).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: 'firmware update not supported: ZHEMI101 has no OTA support',
    });
  }, 30_000);
});
