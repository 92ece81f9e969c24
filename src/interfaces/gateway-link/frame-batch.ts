import type { GatewayFrame } from '../../domain/metering/gateway-frame.js';

/** The queue's head and the frames that directly follow it in sequence, up to `maxFrames`. */
export function consecutiveBatch(queue: readonly GatewayFrame[], maxFrames: number): GatewayFrame[] {
  const batch: GatewayFrame[] = [];
  for (const frame of queue) {
    if (batch.length === maxFrames) break;
    const previous = batch[batch.length - 1];
    if (previous && frame.seq !== previous.seq + 1) break;
    batch.push(frame);
  }
  return batch;
}
