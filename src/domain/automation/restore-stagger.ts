import { seededRandom } from '../market/signal-segments/seeded-random.js';

/**
 * Seconds to wait after a need ends before restoring this plug: uniform in [0, spread], the same for the same
 * (need, plug) on every run, replay and restart, so many plugs of one DR event do not all switch back at once.
 */
export function restoreOffsetSeconds(episode: string, sensorId: string, spreadSeconds: number): number {
  if (spreadSeconds <= 0) return 0;
  return Math.floor(seededRandom(`${episode}:${sensorId}`)() * (spreadSeconds + 1));
}
