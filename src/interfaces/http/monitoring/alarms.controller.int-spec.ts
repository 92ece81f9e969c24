import { aLoggedInUser, type TestUser } from '#test/support/access.js';
import { ControlHarness, until } from '#test/support/control-harness.js';
import { RawLinkClient } from '#test/support/link-client.js';

interface AlarmJson {
  readonly alarmId: string;
  readonly state: string;
  readonly [field: string]: unknown;
}

/**
 * The alarm path end to end on the real server: a power ceiling configured through the API, readings sent over the
 * gateway link as a zigbee2mqtt gateway sends them (decoded at ingest), the evaluation appending to the log, the
 * alarms read model answering the owner — and nobody else.
 */
describe('alarms over HTTP: configure → readings over the link → GET /api/alarms', () => {
  let harness: ControlHarness;
  let owner: TestUser;
  let stranger: TestUser;
  let link: RawLinkClient | undefined;

  beforeAll(async () => {
    harness = await ControlHarness.start('alarms-http');
    owner = await aLoggedInUser(harness.server.url, 'h'.repeat(64));
    stranger = await aLoggedInUser(harness.server.url, 'h'.repeat(64));
  }, 30_000);
  afterAll(async () => {
    await link?.close();
    await harness?.close();
  });

  const as = async (user: TestUser, path: string): Promise<Response> =>
    fetch(`${harness.server.url}${path}`, { headers: { authorization: `Bearer ${user.accessToken}` } });
  const alarmsOf = async (user: TestUser, query: string): Promise<AlarmJson[]> =>
    ((await (await as(user, `/api/alarms?${query}`)).json()) as { items: AlarmJson[] }).items;

  it("raises the owner's alarm after forSeconds of measured time, clears it at the threshold, ignores a late reading, and shows it to no one else", async () => {
    const registered = await harness.post('/api/gateways', {
      name: 'Kitchen',
      networkType: 'zigbee2mqtt',
      address: '192.0.2.40',
      location: { lat: 52, lon: 5 },
      ownerId: owner.userId,
    });
    expect(registered.status).toBe(201);
    const gateway = (await registered.json()) as { id: string; key: string };
    // The link learns a new gateway's key from the event log; until it has, the handshake is refused.
    const key = Buffer.from(gateway.key, 'hex');
    link = (
      await until('the link to accept the new gateway', () =>
        RawLinkClient.accepted(harness.server.link!.port, gateway.id, key).catch(() => undefined),
      )
    ).client;
    let seq = 0;
    const send = async (power: number, measuredAt: number): Promise<void> => {
      const frame = seq++;
      link!.send({
        type: 'readings',
        seq: frame,
        payloads: [
          {
            kind: 'zigbee2mqtt',
            topic: 'zigbee2mqtt/oven',
            message: { power, voltage: 231 },
            measuredAt: new Date(measuredAt).toISOString(),
          },
        ],
      });
      expect(await link!.next('ack')).toEqual({ type: 'ack', seq: frame });
    };
    const nodeId = `zigbee2mqtt:${gateway.id}/oven`;
    const sensorId = `${nodeId}/power`;

    await send(2500, Date.now());
    await harness.knowsNode(nodeId);
    await harness.configure(nodeId, {
      kind: 'alarm_power_above',
      thresholdW: 2000,
      forSeconds: 60,
      reason: 'the oven left on',
    });

    // Measured after the setting was applied; sent at once, so only measured time can make the 60 seconds.
    const base = Date.now() + 1000;
    await send(2400, base);
    await send(2600, base + 30_000);
    await send(2700, base + 60_000);
    const [open] = await until('the alarm to open', async () => {
      const found = await alarmsOf(owner, 'state=open');
      return found.length > 0 ? found : undefined;
    });
    expect(open).toMatchObject({
      nodeId,
      sensorId,
      gatewayId: gateway.id,
      kind: 'power_above',
      unit: 'W',
      state: 'open',
      setting: { kind: 'alarm_power_above', enabled: true, thresholdW: 2000, forSeconds: 60 },
      since: new Date(base).toISOString(),
      raisedAt: new Date(base + 60_000).toISOString(),
      raisedValue: 2700,
      firstValue: 2400,
      peak: 2700,
      clearedAt: null,
    });

    await send(100, base + 45_000);
    await send(1900, base + 90_000);
    const cleared = await until('the alarm to clear', async () => {
      const [alarm] = await alarmsOf(owner, `sensor=${encodeURIComponent(sensorId)}`);
      return alarm?.state === 'cleared' ? alarm : undefined;
    });
    expect(cleared).toMatchObject({
      alarmId: open!.alarmId,
      clearedAt: new Date(base + 90_000).toISOString(),
      clearReason: 'condition_ended',
      clearedValue: 1900,
      peak: 2700,
    });
    expect(await alarmsOf(owner, 'state=open')).toEqual([]);
    expect(await (await as(owner, `/api/alarms/${open!.alarmId}`)).json()).toEqual(cleared);

    expect(await alarmsOf(stranger, 'state=all')).toEqual([]);
    expect(await alarmsOf(stranger, `node=${encodeURIComponent(nodeId)}`)).toEqual([]);
    const foreign = await as(stranger, `/api/alarms/${open!.alarmId}`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect((await as(owner, '/api/alarms?from=2030-01-01T00:00:00Z&to=2020-01-01T00:00:00Z')).status).toBe(400);

    const audit = await until('the audit trail', async () => {
      const page = await harness.get<{ items: { type: string; summary: string }[] }>(
        `/api/audit?object=${open!.alarmId}`,
      );
      return page.items.length === 2 ? page.items : undefined;
    });
    expect(audit.map((e) => e.type)).toEqual(['AlarmRaised', 'AlarmCleared']);
    expect(audit[0]!.summary).toContain(`power_above on ${sensorId}: 2700 W against 2000 W for 60 s`);
  });
});
