import { GrantNotActiveError, GrantNotFoundError, InvalidGrantError } from './access.errors.js';
import type { GrantEvent, Grantee, GrantScope } from './grant.events.js';
import { distinct, grantProblems, normaliseRights } from './grant.validation.js';
import { assertNever, type Decider } from '../shared/decider.js';

// Commands carry the time and the ids: the decider has no clock and no randomness. Whether the grantor owns the
// objects is checked by the command handler against the ownership read model, before it asks the decider.
export type GrantCommand =
  | {
      readonly type: 'GrantAccess';
      readonly data: {
        readonly grantId: string;
        readonly grantor: string;
        readonly grantee: { readonly kind: string; readonly id: string };
        readonly scope: GrantScope;
        readonly rights: readonly string[];
        readonly expiresAt?: string;
        /** The grantor gives it as an admin, not as the owner: no ownership bounds it. */
        readonly asAdmin?: boolean;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RevokeAccess';
      readonly data: { readonly grantId: string; readonly revokedBy: string; readonly at: string };
    }
  | {
      // A handover of a gateway whose objects the grant covers: the grant ends if its grantor was the owner who left.
      readonly type: 'EndAccessOnHandover';
      readonly data: {
        readonly grantId: string;
        readonly gatewayId: string;
        readonly previousOwnerId: string;
        readonly endedBy: string;
        readonly at: string;
      };
    }
  | { readonly type: 'ExpireAccess'; readonly data: { readonly grantId: string; readonly at: string } };

export type GrantState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'revoked' | 'expired';
      readonly grantId: string;
      readonly grantor: string;
      readonly grantee: Grantee;
      readonly expiresAt: string | null;
      /** Given as an admin: a handover does not end it. */
      readonly asAdmin: boolean;
    };

const initialState = (): GrantState => ({ status: 'none' });

function evolve(state: GrantState, event: GrantEvent): GrantState {
  switch (event.type) {
    case 'AccessGranted':
      return {
        status: 'active',
        grantId: event.data.grantId,
        grantor: event.data.grantor,
        grantee: event.data.grantee,
        expiresAt: event.data.expiresAt ?? null,
        asAdmin: event.data.asAdmin === true,
      };
    case 'AccessRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    case 'AccessExpired':
      return state.status === 'none' ? state : { ...state, status: 'expired' };
    default:
      return assertNever(event);
  }
}

/** Past its expiry a grant is over, whether or not the sweeper has recorded AccessExpired yet. */
export function isExpiredAt(state: GrantState, at: string): boolean {
  return state.status === 'active' && state.expiresAt !== null && Date.parse(state.expiresAt) <= Date.parse(at);
}

function decide(command: GrantCommand, state: GrantState): GrantEvent[] {
  switch (command.type) {
    case 'GrantAccess': {
      const { data } = command;
      if (state.status !== 'none') throw new InvalidGrantError([`grant ${data.grantId} exists already`]);
      const problems = grantProblems(data);
      if (problems.length > 0) throw new InvalidGrantError(problems);
      const gatewayIds = distinct(data.scope.gatewayIds);
      const nodeIds = distinct(data.scope.nodeIds);
      const sensorIds = distinct(data.scope.sensorIds);
      return [
        {
          type: 'AccessGranted',
          data: {
            grantId: data.grantId,
            grantor: data.grantor,
            grantee: { kind: data.grantee.kind as Grantee['kind'], id: data.grantee.id },
            scope: {
              ...(gatewayIds ? { gatewayIds } : {}),
              ...(nodeIds ? { nodeIds } : {}),
              ...(sensorIds ? { sensorIds } : {}),
            },
            rights: normaliseRights(data.rights),
            ...(data.expiresAt !== undefined ? { expiresAt: new Date(data.expiresAt).toISOString() } : {}),
            ...(data.asAdmin === true ? { asAdmin: true as const } : {}),
            at: data.at,
          },
        },
      ];
    }
    case 'RevokeAccess': {
      const { data } = command;
      if (state.status === 'none') throw new GrantNotFoundError(data.grantId);
      if (state.status !== 'active') throw new GrantNotActiveError(data.grantId, state.status);
      if (isExpiredAt(state, data.at)) throw new GrantNotActiveError(data.grantId, 'expired');
      return [{ type: 'AccessRevoked', data: { grantId: data.grantId, revokedBy: data.revokedBy, at: data.at } }];
    }
    case 'EndAccessOnHandover': {
      const { data } = command;
      if (state.status === 'none') throw new GrantNotFoundError(data.grantId);
      // Handovers repeat and overlap with revokes and expiry: only a live grant of the owner who left ends.
      if (state.status !== 'active' || isExpiredAt(state, data.at)) return [];
      if (state.asAdmin || state.grantor !== `user:${data.previousOwnerId}`) return [];
      return [
        {
          type: 'AccessRevoked',
          data: {
            grantId: data.grantId,
            revokedBy: data.endedBy,
            at: data.at,
            reason: 'ownership_changed',
            gatewayId: data.gatewayId,
          },
        },
      ];
    }
    case 'ExpireAccess': {
      const { data } = command;
      if (state.status === 'none') throw new GrantNotFoundError(data.grantId);
      // Sweeps overlap and repeat; only a grant that is active and past its time changes.
      if (!isExpiredAt(state, data.at) || state.expiresAt === null) return [];
      return [{ type: 'AccessExpired', data: { grantId: data.grantId, expiresAt: state.expiresAt, at: data.at } }];
    }
    default:
      return assertNever(command);
  }
}

export const grantDecider: Decider<GrantState, GrantCommand, GrantEvent> = { decide, evolve, initialState };
