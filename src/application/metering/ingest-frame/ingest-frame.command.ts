import { Command } from '@nestjs/cqrs';
import type { GatewayFrame } from '../../../domain/metering/gateway-frame.js';

export type IngestFrameResult =
  /** Appended now, or the store recognised the same event at the same revision. */
  | { readonly outcome: 'stored' }
  /** Already stored by an earlier delivery: ack again, nothing new stored. */
  | { readonly outcome: 'duplicate' }
  /** The frame skips sequences the store has not seen; the gateway must resend from `expectedSequence`. */
  | { readonly outcome: 'gap'; readonly expectedSequence: number };

/** Store one sequenced gateway frame exactly once; `receivedAt` is when the link read it. */
export class IngestFrame extends Command<IngestFrameResult> {
  constructor(
    readonly gatewayId: string,
    readonly frame: GatewayFrame,
    readonly receivedAt: Date,
  ) {
    super();
  }
}

/**
 * Consecutive frames of one gateway (each `seq` one above the previous) stored in one append when they can be, so a
 * busy gateway costs one transaction per batch instead of one per frame. One result per frame, in order.
 */
export class IngestFrames extends Command<IngestFrameResult[]> {
  constructor(
    readonly gatewayId: string,
    readonly frames: readonly GatewayFrame[],
    readonly receivedAt: Date,
  ) {
    super();
  }
}

/** The registered network type of a gateway (zigbee, zigbee2mqtt, dsmr, modbus), undefined when unknown. */
export type NetworkTypeLookup = (gatewayId: string) => string | undefined;

export const NETWORK_TYPE_LOOKUP = Symbol('NetworkTypeLookup');
