import { seedFrom, seededRandom } from './seeded-random.js';

export interface MeterSample {
  readonly measuredAt: Date;
  /** Active power in W, averaged over the interval that ends at measuredAt. */
  readonly powerW: number;
  /** Cumulative imported energy in kWh, consistent with the power samples. */
  readonly energyKWh: number;
  readonly voltageV: number;
  readonly currentA: number;
}

interface Appliance {
  readonly name: string;
  readonly watts: number;
  readonly minutes: number;
  /** Starts per day, weighted towards the hours in `hours`. */
  readonly perDay: number;
  readonly hours: readonly number[];
}

const APPLIANCES: readonly Appliance[] = [
  { name: 'kettle', watts: 2000, minutes: 3, perDay: 4, hours: [7, 8, 12, 16, 20] },
  { name: 'oven', watts: 2400, minutes: 45, perDay: 0.8, hours: [17, 18] },
  { name: 'washing machine', watts: 900, minutes: 90, perDay: 0.6, hours: [9, 10, 19] },
  { name: 'dishwasher', watts: 1200, minutes: 60, perDay: 0.7, hours: [20, 21] },
  { name: 'hair dryer', watts: 1600, minutes: 8, perDay: 0.5, hours: [7, 22] },
];

/** Typical daily shape on top of the base load: a small morning bump and the evening peak. */
function dailyShapeW(hour: number): number {
  const morning = 250 * Math.exp(-((hour - 7.5) ** 2) / 1.5);
  const evening = 900 * Math.exp(-((hour - 19) ** 2) / 4);
  return morning + evening;
}

/**
 * A simulated household meter: base load, a daily curve with an evening peak, and appliances switching on at
 * random (more likely at their usual hours). Energy integrates power, so counters always agree with power.
 */
export class HouseholdMeter {
  private readonly random: () => number;
  private readonly baseW: number;
  private readonly running: { until: number; watts: number }[] = [];
  private energyKWh: number;
  private last: number;

  constructor(
    readonly meterId: string,
    start: Date,
    initialEnergyKWh = 0,
  ) {
    this.random = seededRandom(seedFrom(meterId));
    this.baseW = 120 + this.random() * 180;
    this.energyKWh = initialEnergyKWh;
    this.last = start.getTime();
  }

  /** Advances the meter to `at` and returns the sample for the elapsed interval. */
  sample(at: Date): MeterSample {
    const now = at.getTime();
    const seconds = Math.max(0, (now - this.last) / 1000);
    const hour = at.getUTCHours() + at.getUTCMinutes() / 60;
    this.startAppliances(now, hour, seconds);
    for (let i = this.running.length - 1; i >= 0; i--) if (this.running[i]!.until <= now) this.running.splice(i, 1);
    const appliancesW = this.running.reduce((sum, a) => sum + a.watts, 0);
    const noiseW = (this.random() - 0.5) * 30;
    const powerW = Math.max(0, this.baseW + dailyShapeW(hour) + appliancesW + noiseW);
    this.energyKWh += (powerW * seconds) / 3_600_000;
    this.last = now;
    const voltageV = 230 + (this.random() - 0.5) * 6 - powerW / 2000;
    return {
      measuredAt: at,
      powerW: round(powerW, 1),
      energyKWh: round(this.energyKWh, 4),
      voltageV: round(voltageV, 1),
      currentA: round(powerW / voltageV, 2),
    };
  }

  private startAppliances(now: number, hour: number, seconds: number): void {
    for (const appliance of APPLIANCES) {
      const usual = appliance.hours.some((h) => Math.abs(h - hour) < 1);
      const ratePerSecond = (appliance.perDay * (usual ? 6 : 0.3)) / 86_400;
      if (this.random() < ratePerSecond * seconds) {
        this.running.push({ until: now + appliance.minutes * 60_000, watts: appliance.watts });
      }
    }
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
