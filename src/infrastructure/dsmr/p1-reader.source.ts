import type { Logger } from 'pino';
import type {
  DeviceCommandOutcome,
  DeviceConfiguration,
  FrameSink,
  FrameSource,
} from '../../application/ports/frame-source.port.js';
import type { RememberedSetting } from '../agent-state/remembered-setting.js';
import type { DsmrPayload } from '../../domain/metering/protocols/dsmr/dsmr.decoder.js';
import { crcStatus } from '../../domain/metering/protocols/dsmr/telegram-envelope.js';
import { TelegramFramer } from '../../domain/metering/protocols/dsmr/telegram-framer.js';
import {
  serialOpener,
  tcpOpener,
  type OpenStream,
  type SerialPortConstructor,
  type StreamOpener,
} from './byte-stream.js';
import { describeEndpoint, type P1ReaderSettings } from './p1-settings.js';
import {
  checkReportingInterval,
  ReportingIntervalError,
  SYSTEM_TIMERS,
  TelegramThrottle,
  type ThrottleTimers,
} from './telegram-throttle.js';

export interface P1ReaderDeps {
  readonly logger: Logger;
  /** Replaces the serial port class (tests use serialport's SerialPortMock). */
  readonly serialPort?: SerialPortConstructor;
  /** The clock of the reporting interval (specs drive it by hand). */
  readonly timers?: ThrottleTimers;
  /** Keeps a `poll_interval` from the server across restarts; absent: gateway.json's interval at every start. */
  readonly remembered?: RememberedSetting;
}

export interface P1ReaderStats {
  readonly connects: number;
  readonly telegrams: number;
  /**
   * Telegrams whose checksum failed (or was unreadable). Without a reporting interval they are forwarded all the same
   * and the server refuses them; with one the reader refuses them itself, and this count is where they show.
   */
  readonly badCrc: number;
  /** Telegrams pushed to the agent. */
  readonly forwarded: number;
  /** Valid telegrams passed over because a newer one came before the interval's boundary. */
  readonly superseded: number;
  /** Telegrams the agent's sink refused (too large). */
  readonly refusedBySink: number;
  readonly discardedChars: number;
  readonly oversized: number;
  readonly restarted: number;
}

const CONNECT_TIMEOUT_MS = 10_000;

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * Reads a DSMR P1 port (serial, or a P1-to-Ethernet dongle over TCP), frames telegrams and pushes each one as
 * `{ kind: 'dsmr', telegram }` — or, with a reporting interval, at most one per interval (`TelegramThrottle`). The
 * server decodes it and takes the time from the telegram. Whatever ends the connection (peer close, error, silence
 * past the idle timeout), it reopens with a doubling delay until stop().
 */
export class P1ReaderSource implements FrameSource {
  readonly name = 'dsmr-p1';
  private readonly log: Logger;
  private readonly open: StreamOpener;
  private readonly framer = new TelegramFramer();
  private readonly counts = { connects: 0, telegrams: 0, badCrc: 0, forwarded: 0, superseded: 0, refusedBySink: 0 };
  private readonly timers: ThrottleTimers;
  /** The reporting interval; undefined forwards every telegram as the meter sends it. */
  private intervalSeconds: number | undefined;
  private readonly remembered: RememberedSetting | undefined;
  private throttle: TelegramThrottle | undefined;
  private sink: FrameSink | undefined;
  private running = false;
  /** Bumped per connection so a late event of a closed connection cannot touch the current one. */
  private generation = 0;
  private stream: OpenStream | undefined;
  private opening: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private failures = 0;

  constructor(
    private readonly settings: P1ReaderSettings,
    deps: P1ReaderDeps,
  ) {
    const { endpoint } = settings;
    this.log = deps.logger.child({ ns: 'wattlog:dsmr-p1', port: describeEndpoint(endpoint) });
    this.open =
      endpoint.kind === 'tcp'
        ? tcpOpener(endpoint.host, endpoint.port, CONNECT_TIMEOUT_MS)
        : serialOpener(endpoint, deps.serialPort);
    this.timers = deps.timers ?? SYSTEM_TIMERS;
    this.remembered = deps.remembered;
    this.intervalSeconds = deps.remembered
      ? deps.remembered.initial(settings.intervalSeconds, checkReportingInterval)
      : settings.intervalSeconds;
  }

  get stats(): P1ReaderStats {
    const { discardedChars, oversized, restarted } = this.framer.stats;
    return { ...this.counts, discardedChars, oversized, restarted };
  }

  /** Seconds between forwarded telegrams; undefined while every telegram is forwarded. */
  get reportingIntervalSeconds(): number | undefined {
    return this.intervalSeconds;
  }

  /** Returns at once: an unreachable port is retried in the background, not an error for the agent. */
  async start(sink: FrameSink): Promise<void> {
    if (this.running) throw new Error('dsmr-p1 reader is already started');
    this.sink = sink;
    this.running = true;
    if (this.intervalSeconds !== undefined) this.startThrottle(this.intervalSeconds);
    this.connect();
    return Promise.resolve();
  }

  /**
   * `poll_interval` {seconds} from the server sets the reporting interval: at most one telegram per interval, the
   * newest valid one at each boundary. It is the port's, so it holds for every meter in the telegram (gas too).
   */
  configure(request: DeviceConfiguration): Promise<DeviceCommandOutcome> {
    const change = request.settings.change as { kind?: unknown; seconds?: unknown } | undefined;
    if (change?.kind !== 'poll_interval') {
      return Promise.resolve({
        ok: false,
        detail:
          'the P1 reader takes only a poll_interval (its reporting interval); a P1 port is read-only, the meter has nothing to configure',
      });
    }
    try {
      this.setReportingInterval(change.seconds);
    } catch (error) {
      if (error instanceof ReportingIntervalError) return Promise.resolve({ ok: false, detail: error.message });
      throw error;
    }
    const notKept =
      this.intervalSeconds === undefined
        ? undefined
        : this.remembered?.remember(this.intervalSeconds, this.settings.intervalSeconds, new Date());
    return Promise.resolve({
      ok: true,
      detail: `forwarding the newest valid telegram every ${this.intervalSeconds} s${notKept ? ` (until the agent restarts: not kept, ${notKept})` : ''}`,
    });
  }

  /** Takes effect for the wait in progress: the next boundary is the last one plus the new interval, or at once. */
  setReportingInterval(seconds: unknown): void {
    const checked = checkReportingInterval(seconds);
    if (checked === this.intervalSeconds) return;
    this.log.info({ from: this.intervalSeconds ?? 'every telegram', to: checked }, 'P1 reporting interval changed');
    this.intervalSeconds = checked;
    if (!this.running) return;
    if (this.throttle) this.throttle.setIntervalSeconds(checked);
    else this.startThrottle(checked);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.throttle?.stop();
    clearTimeout(this.retryTimer);
    clearTimeout(this.idleTimer);
    await this.opening;
    await this.stream?.close();
    this.stream = undefined;
    this.log.info(this.stats, 'P1 reader stopped');
  }

  private connect(): void {
    const generation = ++this.generation;
    this.opening = this.open({
      data: (chunk) => this.onData(generation, chunk),
      ended: (error) => this.onEnded(generation, error),
    }).then(
      async (stream) => {
        this.opening = undefined;
        if (!this.running) return stream.close();
        this.stream = stream;
        this.counts.connects++;
        this.log.info({ connects: this.counts.connects }, 'P1 port open');
        this.armIdleTimer();
      },
      (error: unknown) => {
        this.opening = undefined;
        this.log.warn({ err: error, failures: this.failures + 1 }, 'P1 port could not be opened');
        this.scheduleRetry();
      },
    );
  }

  private onData(generation: number, chunk: Buffer): void {
    if (generation !== this.generation || !this.running) return;
    this.armIdleTimer();
    // latin1 maps each byte to one character, so the checksum sees exactly the bytes the meter sent.
    for (const telegram of this.framer.push(chunk.toString('latin1'))) this.forward(telegram);
  }

  private startThrottle(seconds: number): void {
    this.throttle = new TelegramThrottle(seconds, (telegram) => this.push(telegram), this.timers);
  }

  private forward(telegram: string): void {
    this.counts.telegrams++;
    this.failures = 0;
    const status = crcStatus(telegram);
    const throttle = this.throttle;
    if (status === 'mismatch' || status === 'malformed') {
      this.counts.badCrc++;
      // Powers of two: a noisy cable is reported, not allowed to flood the log at one line per second.
      if (isPowerOfTwo(this.counts.badCrc)) {
        const fate = throttle ? 'refused by the reader (reporting interval set)' : 'forwarded for the server to refuse';
        this.log.warn(
          { badCrc: this.counts.badCrc, telegrams: this.counts.telegrams, status },
          `P1 telegram failed its checksum; ${fate}`,
        );
      }
      // At a boundary only a whole, valid telegram may go out: an invalid one never takes a valid one's place.
      if (throttle) return;
    }
    if (!throttle) this.push(telegram);
    else if (throttle.offer(telegram)) this.counts.superseded++;
  }

  private push(telegram: string): void {
    const payload: DsmrPayload = { kind: 'dsmr', telegram };
    const accepted = this.sink?.push(payload);
    if (accepted === true) this.counts.forwarded++;
    if (accepted === false) {
      this.counts.refusedBySink++;
      this.log.warn(
        { chars: telegram.length, refusedBySink: this.counts.refusedBySink },
        'P1 telegram refused by the agent',
      );
    }
  }

  private onEnded(generation: number, error: Error | undefined): void {
    if (generation !== this.generation || !this.running) return;
    this.stream = undefined;
    clearTimeout(this.idleTimer);
    // A telegram cut by the disconnect must not be glued to the start of the next connection's stream.
    this.framer.reset();
    this.log.warn({ err: error, telegrams: this.counts.telegrams }, 'P1 connection ended; reconnecting');
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    const { minMs, maxMs } = this.settings.reconnect;
    const delay = Math.min(maxMs, minMs * 2 ** Math.min(this.failures, 20));
    this.failures++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.running) this.connect();
    }, delay);
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.log.warn(
        { idleTimeoutMs: this.settings.idleTimeoutMs },
        'no P1 data within the idle timeout; reopening the port',
      );
      // Closing ends the connection, and onEnded schedules the reconnect.
      void this.stream?.close();
    }, this.settings.idleTimeoutMs);
  }
}
