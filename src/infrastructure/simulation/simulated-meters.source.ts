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
      (_, i) =>
        new HouseholdMeter(
          `${settings.gatewayId}/meter-${i + 1}`,
          start,
          settings.initialEnergyKWh ?? 1000 + i * 137.5,
        ),
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

/** Settings errors of a driver, one line each; the agent prints them and exits. */
export class SimulatedSourceSettingsError extends Error {
  override readonly name = 'SimulatedSourceSettingsError';
}

function whole(
  settings: Readonly<Record<string, unknown>>,
  field: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = settings[field] ?? fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new SimulatedSourceSettingsError(
      `adapter.${field} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`,
    );
  }
  return value;
}

/** `adapter: { kind: 'simulated', meters?: 3, intervalMs?: 10000 }` in gateway.json: household meters without hardware. */
export function createSimulatedMetersSource(
  settings: Readonly<Record<string, unknown>>,
  _networkType: string,
  context: { readonly gatewayId: string },
): SimulatedMetersSource {
  return new SimulatedMetersSource({
    gatewayId: context.gatewayId,
    meters: whole(settings, 'meters', 3, 1, 1000),
    intervalMs: whole(settings, 'intervalMs', 10_000, 10, 3_600_000),
  });
}
