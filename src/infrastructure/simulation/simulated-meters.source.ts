import { HouseholdMeter } from './household-meter.js';

/** What the simulated meters need from the agent (the agent's FrameSink). */
export interface PayloadSink {
  push(payload: unknown): boolean;
}

export interface SimulatedMetersSettings {
  readonly gatewayId: string;
  readonly meters: number;
  readonly intervalMs: number;
  /** Counter readings start here (kWh), so restarts don't look like meter resets. */
  readonly initialEnergyKWh?: number;
  readonly now?: () => Date;
}

/**
 * M simulated household meters behind one gateway, reporting like zigbee2mqtt devices:
 * `{ kind: 'zigbee2mqtt', topic: 'zigbee2mqtt/<meter>', message: { power, energy, voltage, current, linkquality } }`.
 */
export class SimulatedMetersSource {
  readonly name = 'simulated-meters';
  private timer: NodeJS.Timeout | undefined;
  private readonly meters: HouseholdMeter[];
  private readonly now: () => Date;

  constructor(private readonly settings: SimulatedMetersSettings) {
    this.now = settings.now ?? (() => new Date());
    const start = this.now();
    this.meters = Array.from(
      { length: settings.meters },
      (_, i) => new HouseholdMeter(`${settings.gatewayId}/meter-${i + 1}`, start, settings.initialEnergyKWh ?? 1000 + i * 137.5),
    );
  }

  /** Reports every meter once now, then every interval. */
  async start(sink: PayloadSink): Promise<void> {
    this.report(sink);
    this.timer = setInterval(() => this.report(sink), this.settings.intervalMs);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    return Promise.resolve();
  }

  report(sink: PayloadSink): void {
    const at = this.now();
    this.meters.forEach((meter, i) => {
      const s = meter.sample(at);
      sink.push({
        kind: 'zigbee2mqtt',
        topic: `zigbee2mqtt/meter-${i + 1}`,
        message: {
          power: s.powerW,
          energy: s.energyKWh,
          voltage: s.voltageV,
          current: s.currentA,
          linkquality: 120 + ((i * 37) % 120),
        },
        measuredAt: s.measuredAt.toISOString(),
      });
    });
  }
}
