import { assertNever, type Decider } from '../shared/decider.js';
import type { ReferencedProgram } from './grid-signal.decider.js';
import { MarketConflictError, MarketObjectNotFoundError } from './market.errors.js';
import type { OadrSubscriptionEvent, StoredSubscription } from './oadr-subscription.events.js';

interface SubscriptionChange {
  readonly subscriptionId: string;
  readonly providerId: string;
  /** The program `content.programID` names, when it names one. */
  readonly program?: ReferencedProgram;
  readonly content: StoredSubscription;
  readonly at: string;
}

export type OadrSubscriptionCommand =
  | { readonly type: 'CreateOadrSubscription'; readonly data: SubscriptionChange & { readonly clientId: string } }
  | { readonly type: 'ReviseOadrSubscription'; readonly data: SubscriptionChange }
  | {
      readonly type: 'DeleteOadrSubscription';
      readonly data: { readonly subscriptionId: string; readonly providerId: string; readonly at: string };
    };

export type OadrSubscriptionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'deleted';
      readonly subscriptionId: string;
      readonly providerId: string;
      readonly clientId: string;
      readonly content: StoredSubscription;
      readonly createdAt: string;
      readonly modifiedAt: string;
    };

const initialState = (): OadrSubscriptionState => ({ status: 'none' });

function evolve(state: OadrSubscriptionState, event: OadrSubscriptionEvent): OadrSubscriptionState {
  switch (event.type) {
    case 'OadrSubscriptionCreated':
      return {
        status: 'active',
        subscriptionId: event.data.subscriptionId,
        providerId: event.data.providerId,
        clientId: event.data.clientId,
        content: event.data.content,
        createdAt: event.data.at,
        modifiedAt: event.data.at,
      };
    case 'OadrSubscriptionRevised':
      return state.status === 'none' ? state : { ...state, content: event.data.content, modifiedAt: event.data.at };
    case 'OadrSubscriptionDeleted':
      return state.status === 'none' ? state : { ...state, status: 'deleted', modifiedAt: event.data.at };
    default:
      return assertNever(event);
  }
}

function requireProgram(change: SubscriptionChange): void {
  const named = change.content.programID;
  if (named === undefined) return;
  const program = change.program;
  if (!program || program.programId !== named || !program.published || program.providerId !== change.providerId)
    throw new MarketConflictError(`programID ${named} does not name a program of yours`);
}

function own(state: OadrSubscriptionState, subscriptionId: string, providerId: string) {
  if (state.status !== 'active' || state.providerId !== providerId)
    throw new MarketObjectNotFoundError('subscription', subscriptionId);
  return state;
}

function decide(command: OadrSubscriptionCommand, state: OadrSubscriptionState): OadrSubscriptionEvent[] {
  switch (command.type) {
    case 'CreateOadrSubscription': {
      const { subscriptionId, providerId, clientId, content, at } = command.data;
      if (state.status !== 'none') throw new Error(`subscription ${subscriptionId} exists already`);
      requireProgram(command.data);
      return [{ type: 'OadrSubscriptionCreated', data: { subscriptionId, providerId, clientId, content, at } }];
    }
    case 'ReviseOadrSubscription': {
      const { subscriptionId, providerId, content, at } = command.data;
      own(state, subscriptionId, providerId);
      requireProgram(command.data);
      return [{ type: 'OadrSubscriptionRevised', data: { subscriptionId, content, at } }];
    }
    case 'DeleteOadrSubscription': {
      const { subscriptionId, providerId, at } = command.data;
      own(state, subscriptionId, providerId);
      return [{ type: 'OadrSubscriptionDeleted', data: { subscriptionId, at } }];
    }
    default:
      return assertNever(command);
  }
}

export const oadrSubscriptionDecider: Decider<OadrSubscriptionState, OadrSubscriptionCommand, OadrSubscriptionEvent> = {
  decide,
  evolve,
  initialState,
};
