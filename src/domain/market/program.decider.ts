import { assertNever, type Decider } from '../shared/decider.js';
import { MarketObjectNotFoundError } from './market.errors.js';
import type { ProgramContent } from './openadr-objects.js';
import type { ProgramEvent } from './program.events.js';

export type ProgramCommand =
  | {
      readonly type: 'PublishProgram';
      readonly data: {
        readonly programId: string;
        readonly providerId: string;
        readonly clientId: string;
        readonly content: ProgramContent;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ReviseProgram';
      readonly data: {
        readonly programId: string;
        /** The provider asking: another provider's program is not found. */
        readonly providerId: string;
        readonly content: ProgramContent;
        readonly revisedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'WithdrawProgram';
      readonly data: {
        readonly programId: string;
        readonly providerId: string;
        readonly withdrawnBy: string;
        readonly at: string;
      };
    };

interface KnownProgram {
  readonly status: 'published' | 'withdrawn';
  readonly programId: string;
  readonly providerId: string;
  readonly content: ProgramContent;
  readonly createdAt: string;
  readonly modifiedAt: string;
}

export type ProgramState = { readonly status: 'unpublished' } | KnownProgram;

const initialState = (): ProgramState => ({ status: 'unpublished' });

function evolve(state: ProgramState, event: ProgramEvent): ProgramState {
  switch (event.type) {
    case 'ProgramPublished':
      return {
        status: 'published',
        programId: event.data.programId,
        providerId: event.data.providerId,
        content: event.data.content,
        createdAt: event.data.at,
        modifiedAt: event.data.at,
      };
    case 'ProgramRevised':
      return state.status === 'unpublished'
        ? state
        : { ...state, content: event.data.content, modifiedAt: event.data.at };
    case 'ProgramWithdrawn':
      return state.status === 'unpublished' ? state : { ...state, status: 'withdrawn', modifiedAt: event.data.at };
    default:
      return assertNever(event);
  }
}

/** The published program of this provider, or not found (another provider's program is never admitted to exist). */
export function ownProgram(state: ProgramState, programId: string, providerId: string): KnownProgram {
  if (state.status !== 'published' || state.providerId !== providerId)
    throw new MarketObjectNotFoundError('program', programId);
  return state;
}

function decide(command: ProgramCommand, state: ProgramState): ProgramEvent[] {
  switch (command.type) {
    case 'PublishProgram': {
      // Ids are the VTN's own random ones: a second publish under one id is a programming error, not a client's.
      if (state.status !== 'unpublished') throw new Error(`program ${command.data.programId} exists already`);
      return [{ type: 'ProgramPublished', data: command.data }];
    }
    case 'ReviseProgram': {
      const { programId, providerId, content, revisedBy, at } = command.data;
      ownProgram(state, programId, providerId);
      return [{ type: 'ProgramRevised', data: { programId, content, revisedBy, at } }];
    }
    case 'WithdrawProgram': {
      const { programId, providerId, withdrawnBy, at } = command.data;
      ownProgram(state, programId, providerId);
      return [{ type: 'ProgramWithdrawn', data: { programId, withdrawnBy, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const programDecider: Decider<ProgramState, ProgramCommand, ProgramEvent> = { decide, evolve, initialState };
