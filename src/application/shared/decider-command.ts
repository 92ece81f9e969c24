import { randomUUID } from 'node:crypto';
import { fold, type Decider } from '../../domain/shared/decider.js';
import type { DomainEvent, EventMetadata } from '../../domain/shared/event.js';
import {
  WrongExpectedRevisionError,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../ports/event-store.port.js';
import type { CommandMetadata } from './command-metadata.js';

/** How a decider's events live in a stream: which recorded events it folds, and what is stored with each it decides. */
export interface StreamEvents<E extends DomainEvent> {
  /** A stream may hold another decider's events (a gateway's carries its network configuration); those are skipped. */
  readonly accepts: (event: { readonly type: string; readonly data: unknown }) => boolean;
  readonly schemaVersion: number;
  /** Default: a fresh UUID. An id derived from the event makes a retried append of the same step a no-op. */
  readonly eventId?: (event: E) => string;
  /** The request or command the event answers, stored as `causationId`. */
  readonly causationId?: (event: E) => string | undefined;
}

export interface Loaded<S> {
  readonly state: S;
  /** The stream's last revision, whatever its event: as expectedRevision, a concurrent writer becomes a conflict. */
  readonly revision: number | 'no_stream';
  /** The recorded events folded into the state, in stream order. */
  readonly recorded: readonly RecordedEvent[];
}

/** Folds the stream; with `until`, only the events recorded at or before that instant (the state at that time). */
export async function loadStream<S, E extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Pick<Decider<S, unknown, E>, 'evolve' | 'initialState'>,
  events: StreamEvents<E>,
  until?: string,
): Promise<Loaded<S>> {
  const all = await store.readStream(stream);
  const upTo = until === undefined ? all : all.filter((e) => e.recordedAt <= until);
  const recorded = upTo.filter(events.accepts);
  return {
    state: fold(
      decider,
      recorded.map((e) => ({ type: e.type, data: e.data }) as E),
    ),
    revision: upTo.at(-1)?.revision ?? 'no_stream',
    recorded,
  };
}

/** The decided events as the store takes them: ids, and who asked, why and in which schema as metadata. */
export function toNewEvents<E extends DomainEvent>(
  events: readonly E[],
  metadata: CommandMetadata,
  stored: StreamEvents<E>,
): NewEvent[] {
  return events.map((event) => {
    const causationId = stored.causationId?.(event);
    const eventMetadata: EventMetadata = {
      actorId: metadata.actorId,
      correlationId: metadata.correlationId,
      ...(causationId === undefined ? {} : { causationId }),
      schemaVersion: stored.schemaVersion,
    };
    return { id: stored.eventId?.(event) ?? randomUUID(), type: event.type, data: event.data, metadata: eventMetadata };
  });
}

export interface DeciderCommandOptions<E extends DomainEvent> {
  readonly events: StreamEvents<E>;
  /**
   * Tries in all: after a concurrent append to the same stream the command is decided again on fresh state, which is
   * safe when other writers only add what this command does not depend on (link sessions beside a gateway's details).
   * Default 1: the conflict is the caller's to answer.
   */
  readonly attempts?: number;
  /** Runs once events were decided, before they are appended: a check the decider cannot make, a key stored first. */
  readonly beforeAppend?: (events: readonly E[]) => Promise<void>;
}

export interface Handled<S, E> {
  /** What was decided and appended; none when the command changed nothing, and then nothing was appended. */
  readonly events: E[];
  /** The state the command was decided on. */
  readonly state: S;
}

/**
 * Load, decide, append: the stream is folded, the command decided against it, and the events appended at the revision
 * that was folded, so a concurrent writer turns into a conflict instead of a lost update. Several commands are each
 * decided on the state the previous one left; a function builds the command from the state (deciding again builds it
 * again).
 */
export async function handleWithDecider<S, C, E extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<S, C, E>,
  command: C | readonly C[] | ((state: S) => C),
  metadata: CommandMetadata,
  options: DeciderCommandOptions<E>,
): Promise<Handled<S, E>> {
  const attempts = options.attempts ?? 1;
  for (let attempt = 1; ; attempt++) {
    const { state, revision } = await loadStream(store, stream, decider, options.events);
    const commands = (
      typeof command === 'function'
        ? [(command as (state: S) => C)(state)]
        : Array.isArray(command)
          ? command
          : [command]
    ) as readonly C[];
    const events: E[] = [];
    let current = state;
    for (const next of commands) {
      const decided = decider.decide(next, current);
      events.push(...decided);
      current = decided.reduce(decider.evolve, current);
    }
    if (events.length === 0) return { events, state };
    await options.beforeAppend?.(events);
    try {
      await store.append(stream, toNewEvents(events, metadata, options.events), { expectedRevision: revision });
      return { events, state };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= attempts) throw error;
    }
  }
}
