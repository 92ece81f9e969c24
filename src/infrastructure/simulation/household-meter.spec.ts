import { HouseholdMeter } from './household-meter.js';

function day(meterId: string, intervalS: number): { hour: number; powerW: number; energyKWh: number }[] {
  const start = new Date('2026-01-05T00:00:00Z');
  const meter = new HouseholdMeter(meterId, start, 1000);
  const out = [];
  for (let t = intervalS; t <= 86_400; t += intervalS) {
    const at = new Date(start.getTime() + t * 1000);
    const s = meter.sample(at);
    out.push({ hour: at.getUTCHours(), powerW: s.powerW, energyKWh: s.energyKWh });
  }
  return out;
}

describe('simulated household meter', () => {
  it('keeps the energy counter consistent with the power it reports', () => {
    const samples = day('meter-a', 10);
    const integrated = samples.reduce((sum, s) => sum + (s.powerW * 10) / 3_600_000, 0);
    const counted = samples.at(-1)!.energyKWh - 1000;
    expect(Math.abs(counted - integrated)).toBeLessThan(0.01);
    for (let i = 1; i < samples.length; i++)
      expect(samples[i]!.energyKWh).toBeGreaterThanOrEqual(samples[i - 1]!.energyKWh);
  });

  it('uses a plausible amount of energy per day with an evening peak above the night base load', () => {
    const samples = day('meter-b', 30);
    const used = samples.at(-1)!.energyKWh - 1000;
    expect(used).toBeGreaterThan(3);
    expect(used).toBeLessThan(25);
    const mean = (hours: number[]): number => {
      const picked = samples.filter((s) => hours.includes(s.hour));
      return picked.reduce((sum, s) => sum + s.powerW, 0) / picked.length;
    };
    expect(mean([18, 19, 20])).toBeGreaterThan(mean([2, 3, 4]) * 2);
  });

  it('is deterministic per meter id and differs between meters', () => {
    expect(day('meter-c', 60)).toEqual(day('meter-c', 60));
    expect(day('meter-c', 60)).not.toEqual(day('meter-d', 60));
  });
});
