import type { RegisterKind } from '../../domain/metering/protocols/modbus/register-map.js';
import { ModbusClient } from './modbus-serial.js';

/** Why a connect or read failed, as the poller counts and logs it. */
export type ModbusFailureReason = 'connect_failed' | 'timeout' | 'disconnected' | 'exception' | 'bad_response';

export class ModbusConnectionError extends Error {
  override readonly name = 'ModbusConnectionError';
  constructor(
    readonly reason: ModbusFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export interface ModbusEndpoint {
  readonly host: string;
  readonly port: number;
  readonly unitId: number;
  /** Bounds the TCP connect and every request. */
  readonly timeoutMs: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error
    ? error.message
    : typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : String(error);
}

/** modbus-serial's errors are plain objects or Errors tagged by name/modbusCode; map them onto our reasons. */
function classify(error: unknown): ModbusConnectionError {
  if (error instanceof ModbusConnectionError) return error;
  const tagged = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; modbusCode?: unknown };
  if (tagged.name === 'TransactionTimedOutError')
    return new ModbusConnectionError('timeout', 'no answer within the request timeout');
  if (tagged.name === 'PortNotOpenError')
    return new ModbusConnectionError('disconnected', 'the connection is not open');
  if (typeof tagged.modbusCode === 'number') return new ModbusConnectionError('exception', messageOf(error));
  return new ModbusConnectionError('bad_response', messageOf(error));
}

/**
 * One TCP connection to a Modbus server. A request pending when the socket dies fails at once as `disconnected`
 * (modbus-serial itself would only notice at the request timeout), and `close()` settles every pending request.
 */
export class ModbusConnection {
  private closed = false;
  private readonly closing: Promise<never>;
  private rejectPending: (error: ModbusConnectionError) => void = () => undefined;
  private readonly closeListeners: ((reason: string) => void)[] = [];

  private constructor(private readonly client: ModbusClient) {
    this.closing = new Promise<never>((_resolve, reject) => {
      this.rejectPending = reject;
    });
    // Nobody may be waiting when the socket dies; the rejection is for pending requests only.
    this.closing.catch(() => undefined);
    client.on('close', () => this.end('the meter closed the connection'));
    client.on('error', (error: unknown) => this.end(`socket error: ${messageOf(error)}`));
  }

  static async open(endpoint: ModbusEndpoint): Promise<ModbusConnection> {
    const client = new ModbusClient();
    client.setTimeout(endpoint.timeoutMs);
    client.setID(endpoint.unitId);
    client.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no TCP connection within ${endpoint.timeoutMs} ms`)),
        endpoint.timeoutMs,
      );
    });
    try {
      await Promise.race([client.connectTCP(endpoint.host, { port: endpoint.port }), deadline]);
    } catch (error) {
      client.destroy(() => undefined);
      throw new ModbusConnectionError(
        'connect_failed',
        `cannot connect to ${endpoint.host}:${endpoint.port}: ${messageOf(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
    return new ModbusConnection(client);
  }

  get isOpen(): boolean {
    return !this.closed && this.client.isOpen;
  }

  /** Called once when the connection ends for any reason other than `close()`. */
  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  async read(kind: RegisterKind, start: number, count: number): Promise<number[]> {
    if (!this.isOpen) throw new ModbusConnectionError('disconnected', 'the connection is not open');
    const request =
      kind === 'input' ? this.client.readInputRegisters(start, count) : this.client.readHoldingRegisters(start, count);
    try {
      const result = await Promise.race([request, this.closing]);
      if (result.data.length !== count) {
        throw new ModbusConnectionError(
          'bad_response',
          `asked for ${count} registers from ${start}, got ${result.data.length}`,
        );
      }
      return result.data;
    } catch (error) {
      // A request that lost the race may still settle later; its outcome no longer matters.
      request.catch(() => undefined);
      throw classify(error);
    }
  }

  /** Drops the socket without waiting for the peer; pending requests fail as `disconnected`. */
  close(): Promise<void> {
    this.closeListeners.length = 0;
    this.end('closed by the poller');
    return new Promise((resolve) => this.client.destroy(() => resolve()));
  }

  private end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.rejectPending(new ModbusConnectionError('disconnected', reason));
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }
}
