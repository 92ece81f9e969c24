import { SerialPortMock } from 'serialport';
import type { FrameSink, NodeEventReport } from '../../application/ports/frame-source.port.js';
import { DSMR22_WITH_GAS, DSMR42_WITH_GAS, EMUCS_FLUVIUS } from '../../domain/metering/protocols/dsmr/telegram.fixtures.js';
import { captureLogs } from '../../../test/support/log-capture.js';
import { waitFor } from '../../../test/support/test-ids.js';
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
function aSerialReader(extra: Record<string, unknown> = {}): { reader: P1ReaderSource; path: string; logs: ReturnType<typeof captureLogs> } {
  const path = `/dev/ttyP1-${++pathCounter}`;
  const logs = captureLogs();
  const settings = parseP1Settings({ kind: 'dsmr-p1', port: path, reconnectMinMs: 20, reconnectMaxMs: 40, ...extra });
  const reader = new P1ReaderSource(settings, { logger: logs.logger, serialPort: RecordedSerialPort });
  started.push(reader);
  return { reader, path, logs };
}

function emit(port: SerialPortMock | undefined, text: string, chunk: number): void {
  for (let at = 0; at < text.length; at += chunk) port?.port?.emitData(Buffer.from(text.slice(at, at + chunk), 'latin1'));
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
    expect(opened[0]?.port?.openOptions).toMatchObject({ path, baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 });
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
    await waitFor(() => logs.lines.filter((l) => l.msg === 'P1 port could not be opened').length >= 2, 2000, 'two failed opens');
    SerialPortMock.binding.createPort(path, { echo: false, record: false });
    await waitFor(() => opened.some((port) => port.isOpen), 2000, 'the port to open');
    emit(opened.find((port) => port.isOpen), EMUCS_FLUVIUS, 100);
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
});
