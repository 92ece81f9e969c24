import { createSimulatedMetersSource } from '../../infrastructure/simulation/simulated-meters.source.js';
import { registerFrameSource } from './frame-source.js';

/** The drivers every agent binary knows, by the `adapter.kind` gateway.json names. */
export function registerBuiltInSources(): void {
  registerFrameSource('simulated', createSimulatedMetersSource);
}
