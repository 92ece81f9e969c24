import type { ReferencedProgram } from '../../domain/market/grid-signal.decider.js';
import { programDecider } from '../../domain/market/program.decider.js';
import type { EventStore } from '../ports/event-store.port.js';
import { loadStream } from '../shared/decider-command.js';
import { PROGRAM_EVENTS, programStream } from './market-streams.js';

/** The program an object names, from its stream (authoritative, never behind like a read model). */
export async function referencedProgram(store: EventStore, programId: string): Promise<ReferencedProgram> {
  const { state } = await loadStream(store, programStream(programId), programDecider, PROGRAM_EVENTS);
  if (state.status === 'unpublished') return { programId, providerId: null, published: false, payloadTypes: [] };
  return {
    programId,
    providerId: state.providerId,
    published: state.status === 'published',
    payloadTypes: (state.content.payloadDescriptors ?? [])
      .filter((d) => d.objectType === 'EVENT_PAYLOAD_DESCRIPTOR')
      .map((d) => d.payloadType),
  };
}

/** The last revision of a stream (after an append: the revision the read model must reach). */
export async function lastRevision(store: EventStore, stream: string): Promise<number> {
  const [last] = await store.readStream(stream, { direction: 'backwards', max: 1 });
  return last?.revision ?? -1;
}
