import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { GatewayFrame } from '../../../domain/metering/gateway-frame.js';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
} from '../../ports/event-store.port.js';
import {
  IngestFrame,
  IngestFrames,
  NETWORK_TYPE_LOOKUP,
  type IngestFrameResult,
  type NetworkTypeLookup,
} from './ingest-frame.command.js';
import { IngestFrameHandler } from './ingest-frame.handler.js';
import { PAYLOAD_DECODERS, type DecoderLookup } from '../ports/payload-decoders.port.js';
import { readingsStream } from './readings-stream.js';

function consecutive(frames: readonly GatewayFrame[]): boolean {
  return frames.every((frame, i) => i === 0 || frame.seq === frames[i - 1]!.seq + 1);
}

/**
 * The common case, a batch of new frames right after the stream's end, is one append of N events at revisions
 * seq..seq+N-1 with the exact expected revision, so it keeps every guarantee of the single-frame path. Anything else
 * (re-sent frames, a gap, a store that refuses) falls back to that path frame by frame, which sorts out duplicates
 * and gaps exactly as before.
 */
@CommandHandler(IngestFrames)
export class IngestFramesHandler implements ICommandHandler<IngestFrames, IngestFrameResult[]> {
  private readonly single: IngestFrameHandler;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NETWORK_TYPE_LOOKUP) networkTypeOf: NetworkTypeLookup,
    @Inject(PAYLOAD_DECODERS) decoders: DecoderLookup,
  ) {
    this.single = new IngestFrameHandler(store, networkTypeOf, decoders);
  }

  async execute({ gatewayId, frames, receivedAt }: IngestFrames): Promise<IngestFrameResult[]> {
    if (frames.length > 1 && consecutive(frames)) {
      const at = receivedAt.toISOString();
      const first = frames[0]!.seq;
      await this.single.prepare(gatewayId, frames);
      try {
        await this.store.append(
          readingsStream(gatewayId),
          frames.map((frame) => this.single.toStored(gatewayId, frame, at)),
          { expectedRevision: first === 0 ? 'no_stream' : first - 1 },
        );
        return frames.map(() => ({ outcome: 'stored' }));
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
      }
    }
    return this.oneByOne(gatewayId, frames, receivedAt);
  }

  private async oneByOne(
    gatewayId: string,
    frames: readonly GatewayFrame[],
    receivedAt: Date,
  ): Promise<IngestFrameResult[]> {
    const results: IngestFrameResult[] = [];
    for (const frame of frames) {
      const result = await this.single.execute(new IngestFrame(gatewayId, frame, receivedAt));
      results.push(result);
      // Every later frame of the batch lies beyond the same gap.
      if (result.outcome === 'gap') return [...results, ...frames.slice(results.length).map(() => result)];
    }
    return results;
  }
}
