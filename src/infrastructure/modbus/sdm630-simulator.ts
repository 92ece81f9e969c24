import { createServer } from 'node:net';
import { float32FromWords, float32Words } from '../../domain/metering/protocols/modbus/float32-words.js';
import { pointKey, type RegisterMap } from '../../domain/metering/protocols/modbus/register-map.js';
import { SDM630_REGISTER_MAP } from '../../domain/metering/protocols/modbus/sdm630.register-map.js';
import { ModbusServerTcp, type ModbusServiceVector } from './modbus-serial.js';

export interface Sdm630SimulatorOptions {
  /** Initial values by point key (`voltage.L1`, `power`, `energyImported`, …); unset points read 0. */
  readonly values?: Readonly<Record<string, number>>;
  /** The unit id the meter answers to; requests for other ids get no answer, as on a real bus. Default 1. */
  readonly unitId?: number;
  /** 0 (default) picks a free port on 127.0.0.1. */
  readonly port?: number;
  /** Another float32 map to serve instead of the SDM630's. */
  readonly map?: RegisterMap;
}

type Reply = (error: Error | null, words: number[]) => void;

/** Illegal data address, as a meter answers a read of registers it does not have. */
const ILLEGAL_ADDRESS = Object.assign(new Error('illegal data address'), { modbusErrorCode: 0x02 });

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned')),
      );
    });
  });
}

/**
 * A Modbus TCP server on loopback holding an SDM630's registers, for tests and the demo: values can be changed while
 * it runs, answers can be slowed down, and it can be stopped and started again on the same port.
 */
export class Sdm630Simulator {
  readonly host = '127.0.0.1';
  private server: ModbusServerTcp | undefined;
  private readonly registers = new Map<number, number>();
  private readonly pending = new Set<NodeJS.Timeout>();
  private responseDelayMs = 0;
  private inFlight = 0;
  private served = 0;
  private maxInFlight = 0;

  private constructor(
    private readonly map: RegisterMap,
    private readonly unitId: number,
    private portNumber: number,
  ) {
    for (const block of map.blocks) for (let i = 0; i < block.count; i++) this.registers.set(block.start + i, 0);
  }

  static async start(options: Sdm630SimulatorOptions = {}): Promise<Sdm630Simulator> {
    const simulator = new Sdm630Simulator(options.map ?? SDM630_REGISTER_MAP, options.unitId ?? 1, options.port ?? 0);
    simulator.setValues(options.values ?? {});
    await simulator.listen();
    return simulator;
  }

  get port(): number {
    return this.portNumber;
  }

  /** `host:port`, the device name a poller uses by default. */
  get device(): string {
    return `${this.host}:${this.portNumber}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** Read requests answered so far, and the most that were ever waiting at once. */
  get stats(): { readonly requestsServed: number; readonly maxConcurrentRequests: number } {
    return { requestsServed: this.served, maxConcurrentRequests: this.maxInFlight };
  }

  /** Each point's value as the meter holds it, i.e. rounded to float32. */
  values(): Record<string, number> {
    return Object.fromEntries(this.map.points.map((p) => [pointKey(p), this.pointValue(p.address)]));
  }

  setValues(values: Readonly<Record<string, number>>): void {
    for (const [key, value] of Object.entries(values)) this.setValue(key, value);
  }

  setValue(key: string, value: number): void {
    const point = this.map.points.find((p) => pointKey(p) === key);
    if (!point)
      throw new Error(`${this.map.name} has no point "${key}"; known: ${this.map.points.map(pointKey).join(', ')}`);
    const [high, low] = float32Words(value);
    this.registers.set(point.address, high);
    this.registers.set(point.address + 1, low);
  }

  /** Makes every answer wait, e.g. longer than a poller's timeout. */
  setResponseDelayMs(ms: number): void {
    this.responseDelayMs = ms;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    this.inFlight = 0;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Starts serving again on the same port, as a meter coming back after a power cut. */
  async restart(): Promise<void> {
    if (this.server) await this.stop();
    await this.listen();
  }

  private pointValue(address: number): number {
    return float32FromWords(this.registers.get(address) ?? 0, this.registers.get(address + 1) ?? 0);
  }

  private answer(start: number, count: number, reply: Reply): void {
    const words: number[] = [];
    for (let address = start; address < start + count; address++) {
      const word = this.registers.get(address);
      if (word === undefined) {
        reply(ILLEGAL_ADDRESS, []);
        return;
      }
      words.push(word);
    }
    this.served++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const send = (): void => {
      this.inFlight--;
      reply(null, words);
    };
    if (this.responseDelayMs <= 0) {
      send();
      return;
    }
    const timer = setTimeout(() => {
      this.pending.delete(timer);
      send();
    }, this.responseDelayMs);
    this.pending.add(timer);
  }

  private vector(): ModbusServiceVector {
    const many = (addr: number, length: number, _unitId: number, reply: Reply): void =>
      this.answer(addr, length, reply);
    const one = (addr: number, _unitId: number, reply: (error: Error | null, word: number) => void): void =>
      this.answer(addr, 1, (error, words) => reply(error, words[0] ?? 0));
    switch (this.map.registerKind) {
      case 'input':
        return { getMultipleInputRegisters: many, getInputRegister: one };
      case 'holding':
        return { getMultipleHoldingRegisters: many, getHoldingRegister: one };
    }
  }

  private async listen(): Promise<void> {
    if (this.portNumber === 0) this.portNumber = await freePort(this.host);
    const server = new ModbusServerTcp(this.vector(), { host: this.host, port: this.portNumber, unitID: this.unitId });
    // A client vanishing mid-answer is normal for a test meter; nothing to report.
    server.on('socketError', () => undefined);
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('initialized', () => resolve());
      server.once('serverError', (error) => reject(error ?? new Error('the simulator could not listen')));
    });
    this.server = server;
  }
}
