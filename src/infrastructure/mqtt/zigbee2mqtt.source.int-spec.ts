import { randomBytes } from 'node:crypto';
import { connectAsync, type IClientPublishOptions, type MqttClient } from 'mqtt';
import type { FrameSink, NodeEventReport } from '../../application/ports/frame-source.port.js';
import type { CanonicalReading } from '../../domain/metering/canonical-reading.js';
import { zigbee2mqttDecoder } from '../../domain/metering/protocols/zigbee2mqtt/zigbee2mqtt.decoder.js';
import { CuttingProxy } from '#test/support/cutting-proxy.js';
import { freePort } from '#test/support/free-port.js';
import { captureLogs } from '#test/support/log-capture.js';
import { waitFor } from '#test/support/test-ids.js';
import { BROKER_URL, describeWithBroker } from '#test/support/mqtt-broker.js';
import { createZigbee2MqttSource, Zigbee2MqttSource, zigbee2MqttSourceFactory } from './zigbee2mqtt.source.js';

const PLUG = '0xa4c138d2e5f60718';
const INSPELNING = '0x588e81fffe2b3c4d';

class RecordingSink implements FrameSink {
  readonly payloads: Record<string, unknown>[] = [];
  readonly events: NodeEventReport[] = [];
  push(payload: unknown): boolean {
    this.payloads.push(payload as Record<string, unknown>);
    return true;
  }
  nodeEvent(report: NodeEventReport): void {
    this.events.push(report);
  }
  eventsOf(kind: NodeEventReport['event']): NodeEventReport[] {
    return this.events.filter((e) => e.event === kind);
  }
}

function readingsOf(payload: Record<string, unknown> | undefined): readonly CanonicalReading[] {
  const outcome = zigbee2mqttDecoder.decode(payload ?? {}, {
    gatewayId: 'gw-z2m',
    receivedAt: '2025-03-01T12:00:09.000Z',
  });
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`);
  return outcome.readings;
}

const plugEntry = {
  ieee_address: PLUG,
  friendly_name: 'living-room plug',
  type: 'Router',
  interview_completed: true,
  software_build_id: '1.0.5',
  definition: { model: 'TS011F_plug_1', vendor: 'Tuya', description: 'Smart plug (with power monitoring)' },
};
const inspelningEntry = {
  ieee_address: INSPELNING,
  friendly_name: 'dishwasher',
  type: 'Router',
  interview_completed: false,
  definition: null,
};
const coordinator = {
  ieee_address: '0x00124b0021c7f3a1',
  friendly_name: 'Coordinator',
  type: 'Coordinator',
  interview_completed: true,
};

describeWithBroker('Zigbee2MqttSource against a real broker', () => {
  let base: string;
  let publisher: MqttClient;
  const retainedTopics = new Set<string>();
  const clock = { now: new Date('2025-03-01T12:00:00.000Z') };

  async function publish(topic: string, body: unknown, options: IClientPublishOptions = {}): Promise<void> {
    if (options.retain) retainedTopics.add(`${base}/${topic}`);
    await publisher.publishAsync(`${base}/${topic}`, typeof body === 'string' ? body : JSON.stringify(body), {
      qos: 1,
      ...options,
    });
  }

  beforeEach(async () => {
    base = `wattlog-test-${randomBytes(5).toString('hex')}`;
    publisher = await connectAsync(BROKER_URL);
  });

  afterEach(async () => {
    for (const topic of retainedTopics) await publisher.publishAsync(topic, '', { retain: true, qos: 1 });
    retainedTopics.clear();
    await publisher.endAsync();
  });

  it('turns device messages into payloads the decoder reads, and the bridge into node events', async () => {
    await publish('bridge/devices', [coordinator, plugEntry, inspelningEntry], { retain: true });
    await publish('stale plug', { power: 999, linkquality: 1 }, { retain: true });
    const logs = captureLogs();
    const source = new Zigbee2MqttSource(
      { url: BROKER_URL, baseTopic: base },
      { logger: logs.logger, now: () => clock.now },
    );
    const sink = new RecordingSink();
    await source.start(sink);
    try {
      await waitFor(() => sink.events.length >= 3, 5000, 'node events from the retained device list');
      expect(sink.events).toEqual([
        {
          event: 'joined',
          nodeId: `zigbee:${PLUG}`,
          at: clock.now.toISOString(),
          detail: { friendlyName: 'living-room plug', type: 'Router' },
        },
        expect.objectContaining({
          event: 'interviewed',
          nodeId: `zigbee:${PLUG}`,
          detail: expect.objectContaining({ model: 'TS011F_plug_1', vendor: 'Tuya', firmware: '1.0.5' }),
        }),
        expect.objectContaining({ event: 'joined', nodeId: `zigbee:${INSPELNING}` }),
      ]);

      clock.now = new Date('2025-03-01T12:00:07.000Z');
      const plugMessage = {
        child_lock: 'UNLOCK',
        current: 0.16,
        energy: 12.53,
        linkquality: 156,
        power: 24,
        state: 'ON',
        voltage: 231,
      };
      await publish('living-room plug/set', { state: 'ON' });
      await publish('living-room plug/get', { state: '' });
      await publish('living-room plug/availability', { state: 'online' });
      await publish('living-room plug', 'not json');
      await publish('living-room plug', plugMessage);
      await waitFor(() => sink.payloads.length >= 1, 5000, 'the plug message');
      expect(sink.payloads).toEqual([
        {
          kind: 'zigbee2mqtt',
          topic: `${base}/living-room plug`,
          message: plugMessage,
          ieee: PLUG,
          measuredAt: '2025-03-01T12:00:07.000Z',
        },
      ]);
      const readings = readingsOf(sink.payloads[0]);
      expect(Object.fromEntries(readings.map((r) => [r.sensorId, r.value]))).toEqual({
        [`zigbee:${PLUG}/current`]: 0.16,
        [`zigbee:${PLUG}/energyImported`]: 12.53,
        [`zigbee:${PLUG}/power`]: 24,
        [`zigbee:${PLUG}/switchState`]: 1,
        [`zigbee:${PLUG}/voltage`]: 231,
      });
      expect(readings.every((r) => r.measuredAt === '2025-03-01T12:00:07.000Z')).toBe(true);
      expect(sink.events.slice(3)).toEqual([
        expect.objectContaining({
          event: 'link_quality',
          nodeId: `zigbee:${PLUG}`,
          detail: { availability: 'online' },
        }),
        expect.objectContaining({ event: 'link_quality', nodeId: `zigbee:${PLUG}`, detail: { linkquality: 156 } }),
      ]);

      // A device the bridge has not listed (yet) still reports, under its gateway-scoped name.
      await publish('garage meter', { energy: 4512.345, produced_energy: 102.4, power: 1320, linkquality: 72 });
      await waitFor(() => sink.payloads.length >= 2, 5000, 'the unlisted meter');
      expect(sink.payloads[1]).not.toHaveProperty('ieee');
      expect(readingsOf(sink.payloads[1]).map((r) => r.sensorId)).toEqual([
        'zigbee2mqtt:gw-z2m/garage meter/energyImported',
        'zigbee2mqtt:gw-z2m/garage meter/energyExported',
        'zigbee2mqtt:gw-z2m/garage meter/power',
      ]);

      await publish('bridge/event', {
        type: 'device_interview',
        data: {
          friendly_name: 'dishwasher',
          ieee_address: INSPELNING,
          status: 'successful',
          supported: true,
          definition: { model: 'E2206', vendor: 'IKEA', description: 'INSPELNING smart plug' },
        },
      });
      await publish(
        'bridge/devices',
        [
          coordinator,
          {
            ...inspelningEntry,
            interview_completed: true,
            software_build_id: '2.4.45',
            definition: { model: 'E2206', vendor: 'IKEA' },
          },
        ],
        { retain: true },
      );
      await publish('dishwasher/availability', 'offline');
      await waitFor(() => sink.events.length >= 9, 5000, 'interview, leave and availability events');
      expect(sink.events.slice(5)).toEqual([
        expect.objectContaining({
          event: 'interviewed',
          nodeId: `zigbee:${INSPELNING}`,
          detail: expect.objectContaining({ model: 'E2206', vendor: 'IKEA' }),
        }),
        expect.objectContaining({
          event: 'interviewed',
          nodeId: `zigbee:${INSPELNING}`,
          detail: expect.objectContaining({ firmware: '2.4.45' }),
        }),
        expect.objectContaining({ event: 'left', nodeId: `zigbee:${PLUG}` }),
        expect.objectContaining({
          event: 'link_quality',
          nodeId: `zigbee:${INSPELNING}`,
          detail: { availability: 'offline' },
        }),
      ]);
      // The retained state from before the start was never taken for a fresh measurement.
      expect(sink.payloads.map((p) => p.topic)).not.toContain(`${base}/stale plug`);
    } finally {
      await source.stop();
    }
    await publish('dishwasher', { power: 1 });
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.payloads).toHaveLength(2);
  }, 20_000);

  it('publishes switch commands to <name>/set with QoS 1', async () => {
    const received: { topic: string; body: string; qos: number }[] = [];
    await publisher.subscribeAsync(`${base}/+/set`, { qos: 1 });
    publisher.on('message', (topic, body, packet) => received.push({ topic, body: body.toString(), qos: packet.qos }));
    const factory = zigbee2MqttSourceFactory({ logger: captureLogs().logger });
    const source = factory({ kind: 'zigbee2mqtt', url: BROKER_URL, baseTopic: base }, 'zigbee2mqtt', {
      gatewayId: 'gw',
    }) as Zigbee2MqttSource;
    await expect(source.setState('dishwasher', 'OFF')).rejects.toThrow(/not connected/);
    await source.start(new RecordingSink());
    try {
      await source.setState('dishwasher', 'OFF');
      await source.setState('living-room plug', 'TOGGLE');
      await waitFor(() => received.length >= 2, 5000, 'the set messages');
      expect(received).toEqual([
        { topic: `${base}/dishwasher/set`, body: '{"state":"OFF"}', qos: 1 },
        { topic: `${base}/living-room plug/set`, body: '{"state":"TOGGLE"}', qos: 1 },
      ]);
      await expect(source.setState('all/#', 'ON')).rejects.toThrow(/invalid friendly name/);
    } finally {
      await source.stop();
    }
  }, 15_000);

  it('reconnects after the connection drops, logs it and subscribes again', async () => {
    const proxy = await CuttingProxy.start(Number(new URL(BROKER_URL).port || 1883));
    const logs = captureLogs();
    const source = new Zigbee2MqttSource(
      { url: `mqtt://127.0.0.1:${proxy.port}`, baseTopic: base },
      { logger: logs.logger, now: () => clock.now, reconnectPeriodMs: 100 },
    );
    const sink = new RecordingSink();
    await source.start(sink);
    try {
      expect(proxy.cutAll()).toBe(1);
      await waitFor(
        () => logs.lines.filter((l) => l.msg === 'connected to the broker and subscribed').length >= 2,
        5000,
        'the reconnect',
      );
      expect(logs.lines.map((l) => l.msg)).toContain('no connection to the broker; reconnecting');
      await publish('hall climate', { temperature: 21.37, linkquality: 102 });
      await waitFor(() => sink.payloads.length >= 1, 5000, 'a message after the reconnect');
      expect(readingsOf(sink.payloads[0]).map((r) => [r.quantity, r.value])).toEqual([['temperature', 21.37]]);
    } finally {
      await source.stop();
      await proxy.close();
    }
  }, 15_000);
});

describe('Zigbee2MqttSource without a broker', () => {
  it('starts after the wait, keeps retrying quietly and stops cleanly', async () => {
    const port = await freePort();
    const logs = captureLogs();
    const source = new Zigbee2MqttSource(
      { url: `mqtt://127.0.0.1:${port}`, baseTopic: 'zigbee2mqtt' },
      { logger: logs.logger, now: () => new Date(), firstConnectWaitMs: 300, reconnectPeriodMs: 50 },
    );
    await source.start(new RecordingSink());
    await new Promise((r) => setTimeout(r, 400));
    await source.stop();
    const messages = logs.lines.map((l) => l.msg);
    expect(messages).toContain('broker not reachable yet; starting anyway and retrying in the background');
    // Several refused attempts, one line about them.
    expect(messages.filter((m) => m === 'broker connection error')).toHaveLength(1);
    expect(messages.at(-1)).toBe('disconnected from the broker');
  });

  it('refuses bad settings through the factory in one line', () => {
    expect(() =>
      createZigbee2MqttSource({ kind: 'zigbee2mqtt', url: 'http://127.0.0.1' }, 'zigbee2mqtt', { gatewayId: 'gw' }),
    ).toThrow(/^zigbee2mqtt adapter: url must be/);
  });
});
