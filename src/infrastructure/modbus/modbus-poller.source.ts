import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type {
  DeviceCommandOutcome,
  DeviceConfiguration,
  FrameSink,
  FrameSource,
} from '../../application/ports/frame-source.port.js';
import type { RememberedSetting } from '../agent-state/remembered-setting.js';
import type { ModbusBlock, ModbusPayload } from '../../domain/metering/protocols/modbus/modbus-payload.js';
import { ModbusConnection, ModbusConnectionError, type ModbusFailureReason } from './modbus-connection.js';
import { checkPollInterval, type ModbusTcpSettings } from './modbus-tcp.settings.js';

export interface RetryBackoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

export interface ModbusPollerDeps {
  readonly logger: Logger;
  /** The time stamped on each payload as measuredAt. */
  readonly now?: () => Date;
  /** Jitter for retry delays. */
  readonly random?: () => number;
  readonly backoff?: RetryBackoff;
  /** Keeps a `poll_interval` from the server across restarts; absent: gateway.json's interval at every start. */
  readonly remembered?: RememberedSetting;
}

export interface ModbusPollerStats {
  readonly polls: number;
  readonly payloads: number;
  readonly failures: number;
  readonly timeouts: number;
  readonly disconnects: number;
  readonly connects: number;
  readonly consecutiveFailures: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 500, maxMs: 30_000 };

/** Half fixed, half random, so meters behind one gateway that failed together are not retried in lock-step. */
function retryDelay(attempt: number, backoff: RetryBackoff, random: () => number): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Polls one Modbus TCP meter on a fixed cadence and pushes each poll's raw register blocks as one `modbus` payload.
 * Polls never overlap: the next one is scheduled only after the previous has finished. A failed poll drops the
 * connection and is retried with backoff on a fresh one.
 */
export class ModbusPollerSource implements FrameSource {
  readonly name = 'modbus-tcp';
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly backoff: RetryBackoff;
  private intervalMs: number;
  private readonly remembered: RememberedSetting | undefined;
  private sink: FrameSink | undefined;
  private connection: ModbusConnection | undefined;
  private timer: NodeJS.Timeout | undefined;
  private waitingFor: 'interval' | 'retry' = 'interval';
  private lastPollStartedAt = 0;
  private inFlight: Promise<void> | undefined;
  private running = false;
  private counters = {
    polls: 0,
    payloads: 0,
    failures: 0,
    timeouts: 0,
    disconnects: 0,
    connects: 0,
    consecutiveFailures: 0,
  };

  constructor(
    private readonly settings: ModbusTcpSettings,
    deps: ModbusPollerDeps,
  ) {
    this.log = deps.logger.child({
      ns: 'wattlog:modbus',
      device: settings.device,
      unitId: settings.unitId,
      map: settings.map.name,
    });
    this.now = deps.now ?? (() => new Date());
    this.random = deps.random ?? Math.random;
    this.backoff = deps.backoff ?? DEFAULT_RETRY_BACKOFF;
    this.remembered = deps.remembered;
    this.intervalMs =
      deps.remembered?.initial(settings.intervalMs, (ms) => checkPollInterval(ms, 'poll interval')) ??
      settings.intervalMs;
  }

  get stats(): ModbusPollerStats {
    return { ...this.counters };
  }

  get pollIntervalMs(): number {
    return this.intervalMs;
  }

  /** Polls at once, then every interval; a meter that cannot be reached yet does not hold up the agent. */
  async start(sink: FrameSink): Promise<void> {
    if (this.running) throw new Error('modbus poller already started');
    this.running = true;
    this.sink = sink;
    this.log.info(
      { host: this.settings.host, port: this.settings.port, intervalMs: this.intervalMs },
      'modbus poller starting',
    );
    this.schedule(0, 'interval');
    return Promise.resolve();
  }

  /** `poll_interval` changes the interval from the server; every other configuration is refused with the reason. */
  configure(request: DeviceConfiguration): Promise<DeviceCommandOutcome> {
    const change = request.settings.change as { kind?: unknown; seconds?: unknown } | undefined;
    if (change?.kind !== 'poll_interval') {
      return Promise.resolve({
        ok: false,
        detail: 'the modbus poller takes only a poll_interval; its meters have no reporting of their own',
      });
    }
    try {
      this.setIntervalMs(Number(change.seconds) * 1000);
    } catch (error) {
      return Promise.resolve({ ok: false, detail: error instanceof Error ? error.message : String(error) });
    }
    const notKept = this.remembered?.remember(this.intervalMs, this.settings.intervalMs, this.now());
    return Promise.resolve({
      ok: true,
      detail: `polling every ${this.intervalMs / 1000} s${notKept ? ` (until the agent restarts: not kept, ${notKept})` : ''}`,
    });
  }

  /** Takes effect for the wait in progress: a shorter interval may trigger the next poll at once. */
  setIntervalMs(ms: number): void {
    const checked = checkPollInterval(ms, 'poll interval');
    if (checked === this.intervalMs) return;
    this.log.info({ from: this.intervalMs, to: checked }, 'modbus poll interval changed');
    this.intervalMs = checked;
    if (this.running && this.timer !== undefined && this.waitingFor === 'interval') {
      this.schedule(Math.max(0, this.lastPollStartedAt + checked - performance.now()), 'interval');
    }
  }

  /** Cancels the next poll, fails the one in flight at once and closes the connection; nothing is pushed after. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const connection = this.connection;
    this.connection = undefined;
    await connection?.close();
    await this.inFlight;
    this.sink = undefined;
    this.log.info(this.stats, 'modbus poller stopped');
  }

  private schedule(delayMs: number, waitingFor: 'interval' | 'retry'): void {
    clearTimeout(this.timer);
    this.waitingFor = waitingFor;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.inFlight = this.cycle();
    }, delayMs);
  }

  private async cycle(): Promise<void> {
    this.lastPollStartedAt = performance.now();
    const failure = await this.poll();
    this.inFlight = undefined;
    if (!this.running) return;
    if (failure === null) {
      this.schedule(Math.max(0, this.lastPollStartedAt + this.intervalMs - performance.now()), 'interval');
      return;
    }
    const delay = retryDelay(this.counters.consecutiveFailures - 1, this.backoff, this.random);
    this.log.warn(
      {
        reason: failure.reason,
        error: failure.message,
        consecutiveFailures: this.counters.consecutiveFailures,
        retryInMs: delay,
      },
      'modbus poll failed',
    );
    this.schedule(delay, 'retry');
  }

  /** One poll; answers the failure instead of throwing. */
  private async poll(): Promise<ModbusConnectionError | null> {
    this.counters.polls++;
    const measuredAt = this.now().toISOString();
    try {
      const connection = await this.connected();
      const blocks: ModbusBlock[] = [];
      for (const block of this.settings.map.blocks) {
        blocks.push({
          start: block.start,
          words: await connection.read(this.settings.map.registerKind, block.start, block.count),
        });
      }
      if (!this.running || !this.sink) return null;
      this.pushPayload(this.sink, blocks, measuredAt);
      if (this.counters.consecutiveFailures > 0) {
        this.log.info({ after: this.counters.consecutiveFailures }, 'modbus meter answering again');
      }
      this.counters.consecutiveFailures = 0;
      return null;
    } catch (error) {
      const failure =
        error instanceof ModbusConnectionError ? error : new ModbusConnectionError('bad_response', String(error));
      // stop() fails the poll in flight on purpose; that is not the meter's fault.
      if (!this.running) return failure;
      this.countFailure(failure.reason);
      const connection = this.connection;
      this.connection = undefined;
      await connection?.close();
      return failure;
    }
  }

  private pushPayload(sink: FrameSink, blocks: readonly ModbusBlock[], measuredAt: string): void {
    const payload: ModbusPayload = {
      kind: 'modbus',
      map: this.settings.map.name,
      unitId: this.settings.unitId,
      device: this.settings.device,
      blocks,
      measuredAt,
    };
    if (sink.push(payload)) this.counters.payloads++;
    else this.log.warn({ measuredAt }, 'the agent refused a modbus payload');
  }

  private countFailure(reason: ModbusFailureReason): void {
    this.counters.failures++;
    this.counters.consecutiveFailures++;
    switch (reason) {
      case 'timeout':
        this.counters.timeouts++;
        break;
      case 'disconnected': // counted where the connection reports its end, once
      case 'connect_failed':
      case 'exception':
      case 'bad_response':
        break;
    }
  }

  private async connected(): Promise<ModbusConnection> {
    if (this.connection?.isOpen) return this.connection;
    const { host, port, unitId, timeoutMs } = this.settings;
    const connection = await ModbusConnection.open({ host, port, unitId, timeoutMs });
    if (!this.running) {
      await connection.close();
      throw new ModbusConnectionError('disconnected', 'the poller stopped while connecting');
    }
    this.connection = connection;
    this.counters.connects++;
    this.log.info({ host, port, connects: this.counters.connects }, 'modbus meter connected');
    connection.onClose((reason) => {
      // Between polls nothing else would notice; count it here, the next poll reconnects.
      if (this.connection !== connection) return;
      this.connection = undefined;
      this.counters.disconnects++;
      this.log.warn({ reason }, 'modbus connection lost');
    });
    return connection;
  }
}
