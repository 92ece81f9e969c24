import { assertNever, type Decider } from '../shared/decider.js';
import { payloadProblems } from './event-payload-types.js';
import { InvalidMarketInputError, MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';
import { isZeroedGridSignal, type GridSignalContent } from './openadr-objects.js';
import type { GridSignalEvent } from './grid-signal.events.js';

/** The program a grid signal names, as its stream says now; `null` when it was never published. */
export interface ReferencedProgram {
  readonly programId: string;
  readonly providerId: string | null;
  readonly published: boolean;
  /** The payload types its payload descriptors declare. */
  readonly payloadTypes: readonly string[];
}

export type GridSignalCommand =
  | {
      readonly type: 'PublishGridSignal';
      readonly data: {
        readonly eventId: string;
        readonly providerId: string;
        readonly program: ReferencedProgram;
        readonly content: GridSignalContent;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ReviseGridSignal';
      readonly data: {
        readonly eventId: string;
        readonly providerId: string;
        readonly program: ReferencedProgram;
        readonly content: GridSignalContent;
        readonly at: string;
      };
    }
  | {
      readonly type: 'DeleteGridSignal';
      readonly data: { readonly eventId: string; readonly providerId: string; readonly at: string };
    };

export type GridSignalState =
  | { readonly status: 'unpublished' }
  | {
      readonly status: 'published' | 'deleted';
      readonly eventId: string;
      readonly providerId: string;
      readonly content: GridSignalContent;
      readonly revision: number;
      readonly zeroed: boolean;
      readonly createdAt: string;
      readonly modifiedAt: string;
    };

const initialState = (): GridSignalState => ({ status: 'unpublished' });

function evolve(state: GridSignalState, event: GridSignalEvent): GridSignalState {
  switch (event.type) {
    case 'GridSignalPublished':
      return {
        status: 'published',
        eventId: event.data.eventId,
        providerId: event.data.providerId,
        content: event.data.content,
        revision: 0,
        zeroed: false,
        createdAt: event.data.at,
        modifiedAt: event.data.at,
      };
    case 'GridSignalRevised':
      return state.status === 'unpublished'
        ? state
        : {
            ...state,
            content: event.data.content,
            revision: event.data.revision,
            zeroed: false,
            modifiedAt: event.data.at,
          };
    case 'GridSignalWithdrawn':
      if (state.status === 'unpublished') return state;
      return event.data.mode === 'deleted'
        ? { ...state, status: 'deleted', modifiedAt: event.data.at }
        : { ...state, zeroed: true };
    default:
      return assertNever(event);
  }
}

/** A grid signal may only name a published program of the same provider; anything else is a broken reference. */
function requireProgram(program: ReferencedProgram, providerId: string, content: GridSignalContent): void {
  if (!program.published || program.providerId !== providerId)
    throw new MarketConflictError(`programID ${program.programId} does not name a program of yours`);
  const problems = payloadProblems(content, program.payloadTypes);
  if (problems.length > 0) throw new InvalidMarketInputError('event', problems);
}

function ownSignal(state: GridSignalState, eventId: string, providerId: string) {
  if (state.status !== 'published' || state.providerId !== providerId)
    throw new MarketObjectNotFoundError('event', eventId);
  return state;
}

function decide(command: GridSignalCommand, state: GridSignalState): GridSignalEvent[] {
  switch (command.type) {
    case 'PublishGridSignal': {
      const { eventId, providerId, program, content, at } = command.data;
      if (state.status !== 'unpublished') throw new Error(`grid signal ${eventId} exists already`);
      requireProgram(program, providerId, content);
      const published: GridSignalEvent = {
        type: 'GridSignalPublished',
        data: { eventId, programId: program.programId, providerId, content, at },
      };
      return isZeroedGridSignal(content)
        ? [published, { type: 'GridSignalWithdrawn', data: { eventId, at, mode: 'zeroed' } }]
        : [published];
    }
    case 'ReviseGridSignal': {
      const { eventId, providerId, program, content, at } = command.data;
      const current = ownSignal(state, eventId, providerId);
      requireProgram(program, providerId, content);
      const revised: GridSignalEvent = {
        type: 'GridSignalRevised',
        data: { eventId, content, revision: current.revision + 1, at },
      };
      return isZeroedGridSignal(content)
        ? [revised, { type: 'GridSignalWithdrawn', data: { eventId, at, mode: 'zeroed' } }]
        : [revised];
    }
    case 'DeleteGridSignal': {
      const { eventId, providerId, at } = command.data;
      ownSignal(state, eventId, providerId);
      return [{ type: 'GridSignalWithdrawn', data: { eventId, at, mode: 'deleted' } }];
    }
    default:
      return assertNever(command);
  }
}

export const gridSignalDecider: Decider<GridSignalState, GridSignalCommand, GridSignalEvent> = {
  decide,
  evolve,
  initialState,
};
