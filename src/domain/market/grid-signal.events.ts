import type { DomainEvent } from '../shared/event.js';
import type { GridSignalContent } from './openadr-objects.js';

/**
 * An OpenADR `event` of a program: a price timeline, a demand-response request, an alert or a weather signal,
 * told apart by its payload types. Called a grid signal so it never reads as a domain event.
 */
export type GridSignalPublished = DomainEvent<
  'GridSignalPublished',
  {
    readonly eventId: string;
    readonly programId: string;
    readonly providerId: string;
    readonly content: GridSignalContent;
    readonly at: string;
  }
>;

/** A PUT: the whole content replaced; `revision` counts the revisions (1 for the first). */
export type GridSignalRevised = DomainEvent<
  'GridSignalRevised',
  { readonly eventId: string; readonly content: GridSignalContent; readonly revision: number; readonly at: string }
>;

/**
 * Withdrawn by a DELETE (`deleted`: gone) or by a PUT that sets its period to start 0001-01-01 with duration PT0S
 * (`zeroed`: still readable, never active; the User Guide's cancellation without delete).
 */
export type GridSignalWithdrawn = DomainEvent<
  'GridSignalWithdrawn',
  { readonly eventId: string; readonly at: string; readonly mode: 'deleted' | 'zeroed' }
>;

export type GridSignalEvent = GridSignalPublished | GridSignalRevised | GridSignalWithdrawn;
export type GridSignalEventType = GridSignalEvent['type'];

export const GRID_SIGNAL_EVENT_TYPES: readonly GridSignalEventType[] = [
  'GridSignalPublished',
  'GridSignalRevised',
  'GridSignalWithdrawn',
];

export function isGridSignalEvent(event: { readonly type: string; readonly data: unknown }): event is GridSignalEvent {
  return (GRID_SIGNAL_EVENT_TYPES as readonly string[]).includes(event.type);
}
