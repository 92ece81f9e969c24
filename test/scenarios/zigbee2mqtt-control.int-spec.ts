import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { BROKER_URL, describeWithBroker } from '#test/support/mqtt-broker.js';
import { Zigbee2MqttSource } from '../../src/infrastructure/mqtt/zigbee2mqtt.source.js';
import { parseZigbee2MqttSettings } from '../../src/infrastructure/mqtt/zigbee2mqtt-settings.js';
import { ControlHarness, nodePath, until } from '#test/support/control-harness.js';
import { SimulatedZigbee2MqttBridge, type SimulatedPlug } from '#test/support/simulated-zigbee2mqtt-bridge.js';

/** One gateway with its own base topic and plug, so tests (and runs) never share a topic or a node. */
interface Site {
  readonly bridge: SimulatedZigbee2MqttBridge;
  readonly plug: SimulatedPlug;
  readonly nodeId: string;
  readonly sensorId: string;
  readonly gatewayId: string;
}

type NodeView = { fields: { field: string; sync: string; applied: { value: unknown } | null }[] };
type ConfigurationRows = { items: { field: string; status: string; outcome: string | null; applied: unknown }[] };

describeWithBroker(
  'zigbee2mqtt control end to end: API → event log → link → agent → zigbee2mqtt source → Mosquitto → bridge',
  () => {
    let harness: ControlHarness;
    const bridges: SimulatedZigbee2MqttBridge[] = [];

    beforeAll(async () => {
      harness = await ControlHarness.start('z2m-control');
    }, 30_000);

    afterEach(async () => {
      for (const bridge of bridges.splice(0)) await bridge.close();
    });

    afterAll(async () => {
      await harness?.close();
    });

    async function aSite(): Promise<Site> {
      const base = `wattlog-e2e-${randomBytes(5).toString('hex')}`;
      const plug: SimulatedPlug = {
        ieee: `0x${randomBytes(8).toString('hex')}`,
        friendlyName: 'hall plug',
        state: 'OFF',
        power: 60,
      };
      const bridge = await SimulatedZigbee2MqttBridge.start(BROKER_URL, base, [plug]);
      bridges.push(bridge);
      const gateway = await harness.aGateway('zigbee2mqtt');
      const source = new Zigbee2MqttSource(
        parseZigbee2MqttSettings({ kind: 'zigbee2mqtt', url: BROKER_URL, baseTopic: base }, 'zigbee2mqtt'),
        {
          logger: pino({ level: 'silent' }),
          now: () => new Date(),
        },
      );
      await gateway.connect(source);
      const nodeId = `zigbee:${plug.ieee}`;
      await harness.knowsNode(nodeId);
      return { bridge, plug, nodeId, sensorId: `${nodeId}/switchState`, gatewayId: gateway.id };
    }

    it("configures reporting with bridge/request/device/configure_reporting, applied on the bridge's ok with the echoed transaction", async () => {
      const { bridge, plug, nodeId } = await aSite();
      const before = new Date().toISOString();
      const requestId = await harness.configure(nodeId, {
        kind: 'reporting',
        quantity: 'power',
        minIntervalS: 10,
        maxIntervalS: 300,
        reportableChange: 5,
        reason: 'quieter network',
      });
      expect(await harness.settled(nodeId, requestId)).toMatchObject({
        type: 'NodeConfigurationApplied',
        field: 'reporting.power',
        by: 'user:bootstrap-admin',
        detail: `haElectricalMeasurement.activePower of ${plug.ieee}: min 10 s, max 300 s, change 5 (bridge: ok)`,
      });
      // The answer for someone else's transaction that came first was not taken for ours.
      expect(bridge.configureRequests).toEqual([
        {
          id: plug.ieee,
          cluster: 'haElectricalMeasurement',
          attribute: 'activePower',
          minimum_report_interval: 10,
          maximum_report_interval: 300,
          reportable_change: 5,
          transaction: expect.any(String) as unknown,
        },
      ]);

      const then = await harness.get<NodeView>(`${nodePath(nodeId)}/configuration?at=${encodeURIComponent(before)}`);
      expect(then.fields).toEqual([]);
      const now = await harness.get<NodeView>(`${nodePath(nodeId)}/configuration`);
      expect(now.fields).toEqual([
        expect.objectContaining({
          field: 'reporting.power',
          sync: 'applied',
          applied: expect.objectContaining({
            value: { kind: 'reporting', quantity: 'power', minIntervalS: 10, maxIntervalS: 300, reportableChange: 5 },
          }) as unknown,
        }),
      ]);
      const rows = await until('the configuration read model', async () => {
        const page = await harness.get<ConfigurationRows>(`/api/configuration?node=${encodeURIComponent(nodeId)}`);
        return page.items[0]?.status === 'applied' ? page.items : undefined;
      });
      expect(rows).toEqual([expect.objectContaining({ field: 'reporting.power', status: 'applied', inSync: true })]);
    }, 15_000);

    it("is Rejected with the bridge's error when it answers status: error", async () => {
      const { bridge, nodeId } = await aSite();
      bridge.configureAnswer = {
        status: 'error',
        error: "Failed to configure reporting for 'hall plug' (Status 'UNREPORTABLE_ATTRIBUTE')",
      };
      const requestId = await harness.configure(nodeId, {
        kind: 'reporting',
        quantity: 'voltage',
        minIntervalS: 60,
        maxIntervalS: 3600,
        reportableChange: 2,
      });
      expect(await harness.settled(nodeId, requestId)).toMatchObject({
        type: 'NodeConfigurationRejected',
        field: 'reporting.voltage',
        detail: "zigbee2mqtt: Failed to configure reporting for 'hall plug' (Status 'UNREPORTABLE_ATTRIBUTE')",
      });
      expect(bridge.configureRequests).toHaveLength(1);

      const now = await harness.get<NodeView>(`${nodePath(nodeId)}/configuration`);
      expect(now.fields).toEqual([
        expect.objectContaining({ field: 'reporting.voltage', sync: 'differs', applied: null }),
      ]);
      const rows = await until('the configuration read model', async () => {
        const page = await harness.get<ConfigurationRows>(`/api/configuration?node=${encodeURIComponent(nodeId)}`);
        return page.items[0]?.status === 'rejected' ? page.items : undefined;
      });
      expect(rows).toEqual([
        expect.objectContaining({
          field: 'reporting.voltage',
          status: 'rejected',
          outcome: "zigbee2mqtt: Failed to configure reporting for 'hall plug' (Status 'UNREPORTABLE_ATTRIBUTE')",
          inSync: false,
        }),
      ]);
    }, 15_000);

    it("opens joining through bridge/request/permit_join, applied with the time the bridge confirmed; the channel stays zigbee2mqtt's", async () => {
      const { bridge, gatewayId } = await aSite();
      const join = await harness.post(`/api/gateways/${gatewayId}/permit-join`, {
        seconds: 90,
        reason: 'pairing a new plug',
      });
      expect(join.status).toBe(200);
      const joined = (await join.json()) as { applied: { open: boolean; until: string } };
      expect(joined).toMatchObject({
        gatewayId,
        field: 'network.permitJoin',
        status: 'applied',
        applied: { kind: 'permit_join', open: true },
      });
      expect(Date.parse(joined.applied.until) - Date.now()).toBeGreaterThan(80_000);
      expect(bridge.permitJoinRequests).toEqual([{ time: 90, value: true, transaction: expect.any(String) }]);
      const history = await harness.get<{
        network: { fields: { field: string; applied: { value: { open: boolean } } | null }[] };
      }>(`/api/gateways/${gatewayId}/configuration`);
      expect(JSON.stringify(history)).toContain('network.permitJoin');

      const channel = await harness.post(`/api/gateways/${gatewayId}/network-configuration`, {
        kind: 'channel',
        channel: 15,
      });
      expect(channel.status).toBe(422);
      expect(await channel.json()).toMatchObject({
        detail: expect.stringContaining('own configuration and a restart') as unknown,
      });
    });

    it('switches the plug through <base>/<IEEE>/set and acknowledges once its state report shows the state', async () => {
      const { bridge, plug, sensorId } = await aSite();
      await bridge.report(plug);
      await harness.knowsSensor(sensorId);

      const on = await harness.command({ sensorId, action: 'on', reason: 'evening' });
      expect(await harness.commandOutcome(on)).toMatchObject({
        status: 'acknowledged',
        expectedState: 1,
        requestedBy: 'user:bootstrap-admin',
      });
      const toggle = await harness.command({ sensorId, action: 'toggle' });
      expect(await harness.commandOutcome(toggle)).toMatchObject({ status: 'acknowledged', expectedState: 0 });
      expect(bridge.setRequests).toEqual([
        { topic: `${bridge.base}/${plug.ieee}/set`, body: { state: 'ON' } },
        { topic: `${bridge.base}/${plug.ieee}/set`, body: { state: 'TOGGLE' } },
      ]);
      expect(plug.state).toBe('OFF');
      const latest = await harness.get<{ items: { value: number }[] }>(
        `/api/readings/latest?sensor=${encodeURIComponent(sensorId)}`,
      );
      expect(latest.items[0]?.value).toBe(0);
    }, 15_000);

    it("does not take the broker's ack for a confirmation: a relay that reports it did not switch times the command out", async () => {
      const { bridge, plug, sensorId } = await aSite();
      await bridge.report(plug);
      await harness.knowsSensor(sensorId);
      bridge.relayFollows = false;

      const on = await harness.command({ sensorId, action: 'on', timeoutSeconds: 1 });
      expect(await harness.commandOutcome(on)).toMatchObject({ status: 'timed_out' });
      expect(bridge.setRequests).toEqual([{ topic: `${bridge.base}/${plug.ieee}/set`, body: { state: 'ON' } }]);
      expect(plug.state).toBe('OFF');
    }, 15_000);
  },
);
