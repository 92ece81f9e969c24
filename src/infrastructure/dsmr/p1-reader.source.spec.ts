import { SerialPortMock } from 'serialport';
import type { FrameSink, NodeEventReport } from '../../application/ports/frame-source.port.js';
import { DSMR22_WITH_GAS, DSMR42_WITH_GAS, EMUCS_FLUVIUS, withComputedCrc } from '#test/fixtures/telegram.fixtures.js';
import { captureLogs } from '#test/support/log-capture.js';
import { ManualTimers } from '#test/support/manual-timers.js';
import { waitFor } from '#test/support/test-ids.js';
import type { SerialOptions } from './byte-stream.js';
import { P1ReaderSource } from './p1-reader.source.js';
import { parseP1Settings } from './p1-settings.js';

class RecordingSink implements FrameSink {
  readonly payloads: unknown[] = [];
  constructor(private readonly accept = true) {}
  push(payload: unknown): boolean {
    this.payloads.push(payload);
    return this.accept;
  }
  nodeEvent(_report: NodeEventReport): void {}
}

/** serialport's mock port, remembering every instance the reader creates so a spec can feed it bytes. */
const opened: SerialPortMock[] = [];
class RecordedSerialPort extends SerialPortMock {
  constructor(options: SerialOptions & { stopBits: 1; autoOpen: false }) {
    super(options);
    opened.push(this);
  }
}

let pathCounter = 0;
const started: P1ReaderSource[] = [];
function aSerialReader(
  extra: Record<string, unknown> = {},
  timers?: ManualTimers,
): { reader: P1ReaderSource; path: string; logs: ReturnType<typeof captureLogs> } {
  const path = `/dev/ttyP1-${++pathCounter}`;
  const logs = captureLogs();
  const settings = parseP1Settings({ kind: 'dsmr-p1', port: path, reconnectMinMs: 20, reconnectMaxMs: 40, ...extra });
  const reader = new P1ReaderSource(settings, {
    logger: logs.logger,
    serialPort: RecordedSerialPort,
    ...(timers ? { timers } : {}),
  });
  started.push(reader);
  return { reader, path, logs };
}

/** A DSMR 5 telegram whose tariff 1 counter is `n` kWh, so which one got through is visible. */
function telegramNo(n: number): string {
  return withComputedCrc('/ISK5\\2M550T-1012', [
    '1-3:0.2.8(50)',
    `0-0:1.0.0(240501${String(120000 + n).padStart(6, '0')}S)`,
    '0-0:96.1.1(4530303434303037313331363530363138)',
    `1-0:1.8.1(${String(n).padStart(6, '0')}.125*kWh)`,
    '1-0:1.7.0(00.433*kW)',
  ]);
}

function emit(port: SerialPortMock | undefined, text: string, chunk: number): void {
  for (let at = 0; at < text.length; at += chunk)
    port?.port?.emitData(Buffer.from(text.slice(at, at + chunk), 'latin1'));
}

describe('P1ReaderSource on a serial port', () => {
  afterEach(async () => {
    // A failed spec must not leave a reader retrying in the background.
    await Promise.all(started.splice(0).map((reader) => reader.stop()));
    SerialPortMock.binding.reset();
    opened.length = 0;
  });

  it('opens DSMR 2.2 ports at 9600 baud 7E1 and pushes each framed telegram as { kind: "dsmr", telegram }', async () => {
    const { reader, path } = aSerialReader({ legacySerial: true });
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    const sink = new RecordingSink();
    await reader.start(sink);
    await waitFor(() => opened[0]?.isOpen === true, 2000, 'the port to open');
    expect(opened[0]?.port?.openOptions).toMatchObject({
      path,
      baudRate: 9600,
      dataBits: 7,
      parity: 'even',
      stopBits: 1,
    });
    emit(opened[0], `noise${DSMR22_WITH_GAS}${DSMR22_WITH_GAS}`, 17);
    await waitFor(() => sink.payloads.length === 2, 2000, 'two telegrams');
    expect(sink.payloads).toEqual([
      { kind: 'dsmr', telegram: DSMR22_WITH_GAS.trimEnd() },
      { kind: 'dsmr', telegram: DSMR22_WITH_GAS.trimEnd() },
    ]);
  });

  it('forwards a telegram with a bad checksum too, counting and logging it', async () => {
    const { reader, path, logs } = aSerialReader();
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    const sink = new RecordingSink();
    await reader.start(sink);
    await waitFor(() => opened[0]?.isOpen === true, 2000, 'the port to open');
    const corrupted = DSMR42_WITH_GAS.replace('003235.689', '003235.680');
    emit(opened[0], DSMR42_WITH_GAS + corrupted + EMUCS_FLUVIUS, 64);
    await waitFor(() => sink.payloads.length === 3, 2000, 'three telegrams');
    expect(sink.payloads.map((p) => (p as { telegram: string }).telegram)).toEqual([
      DSMR42_WITH_GAS.trimEnd(),
      corrupted.trimEnd(),
      EMUCS_FLUVIUS.trimEnd(),
    ]);
    expect(reader.stats).toMatchObject({ connects: 1, telegrams: 3, badCrc: 1, refusedBySink: 0 });
    expect(logs.lines.filter((l) => l.msg.includes('failed its checksum')).map((l) => l.badCrc)).toEqual([1]);
  });

  it('counts telegrams the agent refuses', async () => {
    const { reader, path } = aSerialReader();
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    const sink = new RecordingSink(false);
    await reader.start(sink);
    await waitFor(() => opened[0]?.isOpen === true, 2000, 'the port to open');
    emit(opened[0], DSMR42_WITH_GAS, 1000);
    await waitFor(() => reader.stats.refusedBySink === 1, 2000, 'the refusal');
  });

  it('keeps retrying a port that is not there yet, and reads it once it appears', async () => {
    const { reader, path, logs } = aSerialReader();
    const sink = new RecordingSink();
    await reader.start(sink);
    await waitFor(
      () => logs.lines.filter((l) => l.msg === 'P1 port could not be opened').length >= 2,
      2000,
      'two failed opens',
    );
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    await waitFor(() => opened.some((port) => port.isOpen), 2000, 'the port to open');
    emit(
      opened.find((port) => port.isOpen),
      EMUCS_FLUVIUS,
      100,
    );
    await waitFor(() => sink.payloads.length === 1, 2000, 'a telegram');
  });

  it('reopens a port that went away (cable pulled) and reads on', async () => {
    const { reader, path } = aSerialReader();
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    const sink = new RecordingSink();
    await reader.start(sink);
    await waitFor(() => opened[0]?.isOpen === true, 2000, 'the port to open');
    emit(opened[0], DSMR42_WITH_GAS.slice(0, 200), 200);
    // What serialport itself does when a read fails because the device is gone.
    opened[0]?._disconnected(new Error('device disconnected'));
    await waitFor(() => reader.stats.connects === 2, 2000, 'the reopen');
    emit(opened[1], DSMR42_WITH_GAS.slice(200) + EMUCS_FLUVIUS, 100);
    await waitFor(() => sink.payloads.length === 1, 2000, 'a telegram');
    // The half telegram from before the disconnect is not glued to the rest sent afterwards.
    expect(sink.payloads).toEqual([{ kind: 'dsmr', telegram: EMUCS_FLUVIUS.trimEnd() }]);
  });

  describe('with a reporting interval', () => {
    async function anOpenThrottledReader(extra: Record<string, unknown>) {
      const timers = new ManualTimers();
      const { reader, path, logs } = aSerialReader(extra, timers);
      SerialPortMock.binding.createPort(path, { echo: false, record: false });
      const sink = new RecordingSink();
      await reader.start(sink);
      await waitFor(() => opened[0]?.isOpen === true, 2000, 'the port to open');
      const telegrams = () => sink.payloads.map((p) => (p as { telegram: string }).telegram);
      return { reader, logs, sink, timers, telegrams };
    }

    it('forwards only the newest valid telegram at each boundary; a bad checksum is refused and counted, never forwarded', async () => {
      const { reader, logs, timers, telegrams } = await anOpenThrottledReader({ intervalSeconds: 5 });
      const corrupted = telegramNo(4).replace('000004.125', '000004.126');
      emit(opened[0], telegramNo(1) + telegramNo(2) + telegramNo(3) + corrupted, 97);
      await waitFor(() => reader.stats.telegrams === 4, 2000, 'four telegrams framed');
      expect(telegrams()).toEqual([]);
      timers.advance(5000);
      expect(telegrams()).toEqual([telegramNo(3).trimEnd()]);
      expect(reader.stats).toMatchObject({ telegrams: 4, badCrc: 1, forwarded: 1, superseded: 2 });
      expect(logs.lines.filter((l) => l.msg.includes('failed its checksum')).map((l) => l.msg)).toEqual([
        'P1 telegram failed its checksum; refused by the reader (reporting interval set)',
      ]);
      // Only the bad telegram came in the next interval: that boundary forwards nothing.
      emit(opened[0], corrupted, 1000);
      await waitFor(() => reader.stats.telegrams === 5, 2000, 'the fifth telegram');
      timers.advance(5000);
      expect(telegrams()).toHaveLength(1);
      expect(reader.stats.badCrc).toBe(2);
    });

    it('never forwards a partial telegram: half a telegram at the boundary waits until it is whole', async () => {
      const { reader, timers, telegrams } = await anOpenThrottledReader({ intervalSeconds: 2 });
      const whole = telegramNo(7);
      emit(opened[0], whole.slice(0, 120), 1000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      timers.advance(2000);
      expect(telegrams()).toEqual([]);
      emit(opened[0], whole.slice(120), 1000);
      await waitFor(() => reader.stats.telegrams === 1, 2000, 'the telegram completed');
      timers.advance(2000);
      expect(telegrams()).toEqual([whole.trimEnd()]);
    });

    it('starts throttling when the server sets poll_interval, and refuses an interval out of range or another change', async () => {
      const { reader, timers, telegrams } = await anOpenThrottledReader({});
      expect(reader.reportingIntervalSeconds).toBeUndefined();
      emit(opened[0], telegramNo(1) + telegramNo(2), 1000);
      await waitFor(() => telegrams().length === 2, 2000, 'both telegrams, unthrottled');

      expect(
        await reader.configure({
          target: 'dsmr:E0044007131650618',
          settings: { change: { kind: 'poll_interval', seconds: 10 } },
        }),
      ).toEqual({
        ok: true,
        detail: 'forwarding the newest valid telegram every 10 s',
      });
      expect(reader.reportingIntervalSeconds).toBe(10);
      emit(opened[0], telegramNo(3) + telegramNo(4), 1000);
      await waitFor(() => reader.stats.telegrams === 4, 2000, 'two more telegrams');
      expect(telegrams()).toHaveLength(2);
      timers.advance(10_000);
      expect(telegrams().slice(2)).toEqual([telegramNo(4).trimEnd()]);

      expect(
        await reader.configure({
          target: 'dsmr:E0044007131650618',
          settings: { change: { kind: 'poll_interval', seconds: 3600 } },
        }),
      ).toEqual({
        ok: false,
        detail: "the P1 reader's reporting interval must be an integer from 1 to 900 seconds (got 3600)",
      });
      const reporting = {
        kind: 'reporting',
        quantity: 'power',
        minIntervalS: 1,
        maxIntervalS: 10,
        reportableChange: 1,
      };
      expect((await reader.configure({ target: 'dsmr:E0044007131650618', settings: { change: reporting } })).ok).toBe(
        false,
      );
      expect(reader.reportingIntervalSeconds).toBe(10);
    });
  });
});
