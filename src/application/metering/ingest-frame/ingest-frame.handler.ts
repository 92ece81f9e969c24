import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { frameEvent, type GatewayFrame } from '../../../domain/metering/gateway-frame.js';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
} from '../../ports/event-store.port.js';
import {
  IngestFrame,
  NETWORK_TYPE_LOOKUP,
  type IngestFrameResult,
  type NetworkTypeLookup,
} from './ingest-frame.command.js';
import { PAYLOAD_DECODERS, type DecoderLookup } from '../ports/payload-decoders.port.js';
import { frameEventId, readingsStream } from './readings-stream.js';

/** 2: ReadingsReported carries canonical readings (1 carried the native payloads; see gateway-frame.events.v1). */
export const GATEWAY_FRAME_SCHEMA_VERSION = 2;

/** Another event than this frame's sits at the frame's revision: the stream was written by something else. */
export class FrameSequenceConflictError extends Error {
  override readonly name = 'FrameSequenceConflictError';
  constructor(
    readonly gatewayId: string,
    readonly sequence: number,
  ) {
    super(`readings-${gatewayId} revision ${sequence} holds another event than frame ${sequence}`);
  }
}

/**
 * Exactly once by construction: frame N is revision N of `readings-<gatewayId>`, appended with expected revision
 * N-1 and an id derived from (gateway, N). A re-sent frame either meets the store's own idempotent re-append or a
 * WrongExpectedRevision whose stream already holds this id at N; a frame beyond the end is a gap.
 */
@CommandHandler(IngestFrame)
export class IngestFrameHandler implements ICommandHandler<IngestFrame, IngestFrameResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NETWORK_TYPE_LOOKUP) private readonly networkTypeOf: NetworkTypeLookup,
    @Inject(PAYLOAD_DECODERS) private readonly decoders: DecoderLookup,
  ) {}

  async execute({ gatewayId, frame, receivedAt }: IngestFrame): Promise<IngestFrameResult> {
    const sequence = frame.seq;
    const stream = readingsStream(gatewayId);
    await this.prepare(gatewayId, [frame]);
    const event = this.toStored(gatewayId, frame, receivedAt.toISOString());
    try {
      await this.store.append(stream, [event], { expectedRevision: sequence === 0 ? 'no_stream' : sequence - 1 });
      return { outcome: 'stored' };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        const actual = error.actual === 'no_stream' ? -1 : error.actual;
        if (actual >= sequence) return this.confirmDuplicate(stream, gatewayId, sequence, event.id);
        return { outcome: 'gap', expectedSequence: actual + 1 };
      }
      if (error instanceof DuplicateEventIdError) return this.confirmDuplicate(stream, gatewayId, sequence, event.id);
      throw error;
    }
  }

  /** Lets a protocol module with asynchronous lookups (device definitions) warm up before the synchronous decode. */
  async prepare(gatewayId: string, frames: readonly GatewayFrame[]): Promise<void> {
    const networkType = this.networkTypeOf(gatewayId);
    const decoder = networkType === undefined ? undefined : this.decoders(networkType);
    if (!decoder?.prepare) return;
    const payloads = frames.flatMap((frame) => (frame.kind === 'readings' ? frame.payloads : []));
    await decoder.prepare(
      payloads.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Array.isArray(p)),
    );
  }

  /** Frame N's event: id derived from (gateway, N), so every delivery of the frame is the same event. */
  toStored(gatewayId: string, frame: GatewayFrame, receivedAt: string): NewEvent {
    const event = frameEvent(gatewayId, this.networkTypeOf(gatewayId), frame, receivedAt, this.decoders);
    const metadata = {
      correlationId: `${gatewayId}:${frame.seq}`,
      actorId: `gateway:${gatewayId}`,
      schemaVersion: GATEWAY_FRAME_SCHEMA_VERSION,
    };
    return { id: frameEventId(gatewayId, frame.seq), type: event.type, data: event.data, metadata };
  }

  private async confirmDuplicate(
    stream: string,
    gatewayId: string,
    sequence: number,
    id: string,
  ): Promise<IngestFrameResult> {
    const [stored] = await this.store.readStream(stream, { from: sequence, max: 1 });
    if (stored?.revision === sequence && stored.id === id) return { outcome: 'duplicate' };
    throw new FrameSequenceConflictError(gatewayId, sequence);
  }
}
