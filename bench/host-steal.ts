import { readFileSync } from 'node:fs';

interface CpuTimes {
  readonly steal: number;
  readonly total: number;
}

/** The machine's CPU time so far (all cores, in clock ticks) and the part the hypervisor gave to other guests. */
function cpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
    return { steal: fields[7]!, total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Starts measuring steal time: on a virtual machine, the share of CPU time its cores were ready to run but the host
 * ran something else. Timings taken while it is high say more about the host than about the code. The returned
 * function answers the percentage since the start, or null where the kernel does not tell (no /proc/stat).
 */
export function stealMeter(): () => number | null {
  const start = cpuTimes();
  return () => {
    const end = cpuTimes();
    if (!start || !end || end.total <= start.total) return null;
    return Number(((100 * (end.steal - start.steal)) / (end.total - start.total)).toFixed(1));
  };
}

export const STEAL_COUNTS =
  'percent of all CPU time during the measured phases that the hypervisor gave to other guests (steal, /proc/stat); high values slow every figure down';
