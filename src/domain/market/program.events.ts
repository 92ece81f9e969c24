import type { DomainEvent } from '../shared/event.js';
import type { ProgramContent } from './openadr-objects.js';

/** A utility (provider) published an OpenADR program: `content` is the program request as normalised on receipt. */
export type ProgramPublished = DomainEvent<
  'ProgramPublished',
  {
    readonly programId: string;
    readonly providerId: string;
    readonly clientId: string;
    readonly content: ProgramContent;
    readonly at: string;
  }
>;

/** A PUT: the whole content replaced. */
export type ProgramRevised = DomainEvent<
  'ProgramRevised',
  { readonly programId: string; readonly content: ProgramContent; readonly revisedBy: string; readonly at: string }
>;

/** A DELETE: the program and its grid signals are gone from every view. */
export type ProgramWithdrawn = DomainEvent<
  'ProgramWithdrawn',
  { readonly programId: string; readonly withdrawnBy: string; readonly at: string }
>;

export type ProgramEvent = ProgramPublished | ProgramRevised | ProgramWithdrawn;
export type ProgramEventType = ProgramEvent['type'];

export const PROGRAM_EVENT_TYPES: readonly ProgramEventType[] = [
  'ProgramPublished',
  'ProgramRevised',
  'ProgramWithdrawn',
];

export function isProgramEvent(event: { readonly type: string; readonly data: unknown }): event is ProgramEvent {
  return (PROGRAM_EVENT_TYPES as readonly string[]).includes(event.type);
}
