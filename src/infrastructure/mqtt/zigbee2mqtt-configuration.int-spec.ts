import { randomBytes } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import type { FrameSink } from '../../application/ports/frame-source.port.js';
import { BROKER_URL, describeWithBroker } from '#test/support/mqtt-broker.js';
import { Zigbee2MqttSource } from './zigbee2mqtt.source.js';
import { parseZigbee2MqttSettings } from './zigbee2mqtt-settings.js';

const sink: FrameSink = { push: () => true, nodeEvent: () => undefined };

describeWithBroker('Zigbee2MqttSource configuration through the bridge request API, on a real broker', () => {
  const base = `z2m-config-${randomBytes(4).toString('hex')}`;
  let bridge: MqttClient;
  let source: Zigbee2MqttSource;
  const requests: Record<string, unknown>[] = [];

  beforeAll(async () => {
    // Answers like zigbee2mqtt's bridge: the transaction echoed, ok for a known device, an error for others.
    bridge = await connectAsync(BROKER_URL, { clientId: `bridge-${base}` });
    await bridge.subscribeAsync(`${base}/bridge/request/device/configure_reporting`, { qos: 1 });
    bridge.on('message', (_topic, payload) => {
      const body = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      requests.push(body);
      const answer =
        body.id === 'living-room plug'
          ? {
              status: 'ok',
              data: { id: body.id, cluster: body.cluster, attribute: body.attribute },
              transaction: body.transaction,
            }
          : {
              status: 'error',
              data: {},
              error: `Device '${String(body.id)}' does not exist`,
              transaction: body.transaction,
            };
      void bridge.publishAsync(`${base}/bridge/response/device/configure_reporting`, JSON.stringify(answer), {
        qos: 1,
      });
    });
    source = new Zigbee2MqttSource(
      parseZigbee2MqttSettings({ kind: 'zigbee2mqtt', url: BROKER_URL, baseTopic: base }, 'zigbee2mqtt'),
      {
        logger: pino({ level: 'silent' }),
        now: () => new Date(),
      },
    );
    await source.start(sink);
  }, 20_000);

  afterAll(async () => {
    await source.stop();
    await bridge.endAsync();
  });

  it("sends configure_reporting with the ZCL cluster and attribute and is applied on the bridge's ok", async () => {
    const outcome = await source.configure({
      target: 'living-room plug',
      settings: {
        change: { kind: 'reporting', quantity: 'power', minIntervalS: 10, maxIntervalS: 300, reportableChange: 5 },
      },
    });
    expect(outcome).toEqual({
      ok: true,
      detail: 'haElectricalMeasurement.activePower of living-room plug: min 10 s, max 300 s, change 5 (bridge: ok)',
    });
    expect(requests.at(-1)).toMatchObject({
      id: 'living-room plug',
      cluster: 'haElectricalMeasurement',
      attribute: 'activePower',
      minimum_report_interval: 10,
      maximum_report_interval: 300,
      reportable_change: 5,
      transaction: expect.any(String) as unknown,
    });
  });

  it("is rejected with the bridge's error, and refuses firmware updates and bad changes without asking", async () => {
    const unknown = await source.configure({
      target: 'attic',
      settings: {
        change: { kind: 'reporting', quantity: 'voltage', minIntervalS: 1, maxIntervalS: 60, reportableChange: 1 },
      },
    });
    expect(unknown).toEqual({ ok: false, detail: "zigbee2mqtt: Device 'attic' does not exist" });
    const asked = requests.length;
    expect(
      await source.configure({ target: 'attic', settings: { change: { kind: 'firmware_update', version: '1.2' } } }),
    ).toEqual({ ok: false, detail: 'firmware update not supported by the zigbee2mqtt driver' });
    expect(
      (
        await source.configure({
          target: 'attic',
          settings: {
            change: { kind: 'reporting', quantity: 'power', minIntervalS: 9, maxIntervalS: 1, reportableChange: 0 },
          },
        })
      ).ok,
    ).toBe(false);
    expect(requests).toHaveLength(asked);
  });
});
