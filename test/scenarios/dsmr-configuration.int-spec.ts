import { createServer, type Server, type Socket } from 'node:net';
import { pino } from 'pino';
import { withComputedCrc } from '#test/fixtures/telegram.fixtures.js';
import { P1ReaderSource } from '../../src/infrastructure/dsmr/p1-reader.source.js';
import { parseP1Settings } from '../../src/infrastructure/dsmr/p1-settings.js';
import { ControlHarness, nodePath, until } from '#test/support/control-harness.js';

const METER = 'dsmr:E0044007131650618';

/** A DSMR 5 telegram of the meter above, its tariff 1 counter at `n` kWh. */
function telegramNo(n: number): string {
  return withComputedCrc('/ISK5\\2M550T-1012', [
    '1-3:0.2.8(50)',
    `0-0:1.0.0(240501${String(120000 + (n % 60)).padStart(6, '0')}S)`,
    '0-0:96.1.1(4530303434303037313331363530363138)',
    `1-0:1.8.1(${String(n).padStart(6, '0')}.125*kWh)`,
    '1-0:1.7.0(00.433*kW)',
  ]);
}

/** A P1-to-Ethernet dongle in front of a fast meter: a telegram every 100 ms to whoever is connected. */
async function aDongle(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let n = 0;
  const timer = setInterval(() => {
    n++;
    for (const socket of sockets) socket.write(Buffer.from(telegramNo(n), 'latin1'));
  }, 100);
  const server: Server = createServer((socket) => {
    socket.resume();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the dongle has no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('DSMR reporting interval end to end: API → event log → sender → link → agent → P1 reader', () => {
  let harness: ControlHarness;
  let dongle: Awaited<ReturnType<typeof aDongle>>;
  let reader: P1ReaderSource;

  beforeAll(async () => {
    dongle = await aDongle();
    harness = await ControlHarness.start('dsmr-interval');
    reader = new P1ReaderSource(parseP1Settings({ kind: 'dsmr-p1', port: `tcp://127.0.0.1:${dongle.port}` }), {
      logger: pino({ level: 'silent' }),
    });
    await (await harness.aGateway('dsmr')).connect(reader);
    await harness.knowsNode(METER);
  }, 30_000);

  afterAll(async () => {
    await harness?.close();
    await dongle?.close();
  });

  it("applies poll_interval as the reader's reporting interval, then forwards at most one telegram per interval", async () => {
    expect(reader.reportingIntervalSeconds).toBeUndefined();
    const requestId = await harness.configure(METER, {
      kind: 'poll_interval',
      seconds: 2,
      reason: 'one reading every two seconds is plenty',
    });
    expect(await harness.settled(METER, requestId)).toMatchObject({
      type: 'NodeConfigurationApplied',
      field: 'reporting.interval',
      by: 'user:bootstrap-admin',
      after: { kind: 'poll_interval', seconds: 2 },
      detail: 'forwarding the newest valid telegram every 2 s',
    });
    expect(reader.reportingIntervalSeconds).toBe(2);

    const before = reader.stats;
    await new Promise((resolve) => setTimeout(resolve, 2300));
    const after = reader.stats;
    expect(after.telegrams - before.telegrams).toBeGreaterThan(10);
    expect(after.forwarded - before.forwarded).toBeGreaterThanOrEqual(1);
    expect(after.forwarded - before.forwarded).toBeLessThanOrEqual(2);
    expect(after.superseded).toBeGreaterThan(before.superseded);
  }, 15_000);

  it("is Rejected with the reader's reason for an interval out of its range or another change, and keeps what it applied", async () => {
    const appliedAt = new Date().toISOString();
    expect((await harness.post(`${nodePath(METER)}/configuration`, { kind: 'poll_interval', seconds: 0 })).status).toBe(
      400,
    );
    const tooLong = await harness.configure(METER, { kind: 'poll_interval', seconds: 3600 });
    expect(await harness.settled(METER, tooLong)).toMatchObject({
      type: 'NodeConfigurationRejected',
      field: 'reporting.interval',
      detail: "the P1 reader's reporting interval must be an integer from 1 to 900 seconds (got 3600)",
    });
    const reporting = await harness.configure(METER, {
      kind: 'reporting',
      quantity: 'power',
      minIntervalS: 1,
      maxIntervalS: 60,
    });
    expect(await harness.settled(METER, reporting)).toMatchObject({
      type: 'NodeConfigurationRejected',
      detail: expect.stringMatching(/^the P1 reader takes only a poll_interval/) as unknown,
    });
    expect(reader.reportingIntervalSeconds).toBe(2);

    type View = {
      fields: { field: string; sync: string; desired: { value: unknown } | null; applied: { value: unknown } | null }[];
    };
    const now = await harness.get<View>(`${nodePath(METER)}/configuration`);
    expect(now.fields.find((f) => f.field === 'reporting.interval')).toMatchObject({
      sync: 'differs',
      desired: { value: { kind: 'poll_interval', seconds: 3600 } },
      applied: { value: { kind: 'poll_interval', seconds: 2 } },
    });
    const then = await harness.get<View>(`${nodePath(METER)}/configuration?at=${encodeURIComponent(appliedAt)}`);
    expect(then.fields).toEqual([
      expect.objectContaining({
        field: 'reporting.interval',
        sync: 'applied',
        applied: expect.objectContaining({ value: { kind: 'poll_interval', seconds: 2 } }) as unknown,
      }),
    ]);

    const rows = await until('the configuration read model', async () => {
      const page = await harness.get<{ items: { field: string; status: string; applied: unknown }[] }>(
        `/api/configuration?node=${encodeURIComponent(METER)}`,
      );
      return page.items.length === 2 && page.items.every((i) => i.status === 'rejected') ? page.items : undefined;
    });
    expect(rows.map((r) => [r.field, r.status, r.applied])).toEqual([
      ['reporting.interval', 'rejected', { kind: 'poll_interval', seconds: 2 }],
      ['reporting.power', 'rejected', null],
    ]);
  }, 15_000);
});
