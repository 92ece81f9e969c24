import { assertNever, type Decider } from '../shared/decider.js';
import type { RuleActor, RuleCommand } from './rule.commands.js';
import {
  InvalidRuleError,
  RuleActionNotAllowedError,
  RuleAlreadyExistsError,
  RuleNotFoundError,
  RuleVersionConflictError,
} from './rule.errors.js';
import type { AutomationRuleEvent } from './rule.events.js';
import type { RuleSpec } from './rule-spec.js';
import { cleanRuleSpec } from './rule-spec.clean.js';
import { RULE_LIMITS, ruleSpecProblems } from './rule-spec.validation.js';

export type { RuleCommand, RuleActor } from './rule.commands.js';

export type RuleOrigin =
  { readonly kind: 'owner' } | { readonly kind: 'provider'; readonly providerId: string; readonly programId: string };

/** `accepted`: the current spec may act; `pending`: a proposal (or its revision) awaits the owner; `declined`. */
export type RuleAcceptance = 'accepted' | 'pending' | 'declined';

export type RuleState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'deleted';
      readonly ruleId: string;
      readonly ownerId: string;
      readonly origin: RuleOrigin;
      readonly spec: RuleSpec;
      readonly specHash: string;
      readonly acceptance: RuleAcceptance;
      /** The hash of the version the owner accepted or wrote; the rule acts only while it equals `specHash`. */
      readonly acceptedHash: string | null;
      readonly enabled: boolean;
      /** The stream revision of the last event. */
      readonly version: number;
    };

type Existing = Exclude<RuleState, { status: 'none' }>;

const initialState = (): RuleState => ({ status: 'none' });

/** True when the planner may use the rule: live, enabled, and its exact current version accepted by the owner. */
export function isRuleInForce(state: RuleState): boolean {
  return (
    state.status === 'active' &&
    state.enabled &&
    state.acceptance === 'accepted' &&
    state.acceptedHash !== null &&
    state.acceptedHash === state.specHash
  );
}

function evolve(state: RuleState, event: AutomationRuleEvent): RuleState {
  if (event.type === 'AutomationRuleDefined') {
    const d = event.data;
    return {
      status: 'active',
      ruleId: d.ruleId,
      ownerId: d.ownerId,
      origin: { kind: 'owner' },
      spec: d.spec,
      specHash: d.specHash,
      acceptance: 'accepted',
      acceptedHash: d.specHash,
      enabled: d.enabled,
      version: 0,
    };
  }
  if (event.type === 'AutomationRuleProposed') {
    const d = event.data;
    return {
      status: 'active',
      ruleId: d.ruleId,
      ownerId: d.ownerId,
      origin: { kind: 'provider', providerId: d.providerId, programId: d.programId },
      spec: d.spec,
      specHash: d.specHash,
      acceptance: 'pending',
      acceptedHash: null,
      enabled: true,
      version: 0,
    };
  }
  if (state.status === 'none') return state;
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'AutomationRuleRevised': {
      const d = event.data;
      const own = d.by === 'owner';
      return {
        ...next,
        spec: d.spec,
        specHash: d.specHash,
        acceptance: own ? 'accepted' : 'pending',
        acceptedHash: own ? d.specHash : state.acceptedHash,
      };
    }
    case 'AutomationRuleAccepted':
      return { ...next, acceptance: 'accepted', acceptedHash: event.data.specHash };
    case 'AutomationRuleDeclined':
      return { ...next, acceptance: 'declined' };
    case 'AutomationRuleEnabled':
      return { ...next, enabled: true };
    case 'AutomationRuleDisabled':
      return { ...next, enabled: false };
    case 'AutomationRuleDeleted':
      return { ...next, status: 'deleted' };
    default:
      return assertNever(event);
  }
}

/** The rule as `by` may see it: its owner always, the proposing provider its own proposals; anyone else not at all. */
function visibleTo(state: RuleState, ruleId: string, by: RuleActor): Existing {
  if (state.status !== 'active') throw new RuleNotFoundError(ruleId);
  if (by.kind === 'owner' && state.ownerId === by.ownerId) return state;
  if (by.kind === 'provider' && state.origin.kind === 'provider' && state.origin.providerId === by.providerId) {
    return state;
  }
  throw new RuleNotFoundError(ruleId);
}

function ownerOnly(rule: Existing, by: RuleActor, what: string): void {
  if (by.kind !== 'owner') throw new RuleActionNotAllowedError(rule.ruleId, `only the owner may ${what}`);
}

function validSpec(spec: unknown, ruleId: string): void {
  const problems = [
    ...(RULE_LIMITS.idPattern.test(ruleId) ? [] : ['rule id is not well formed']),
    ...ruleSpecProblems(spec),
  ];
  if (problems.length > 0) throw new InvalidRuleError(problems);
}

function clean(spec: RuleSpec): RuleSpec {
  return cleanRuleSpec(spec);
}

function decide(command: RuleCommand, state: RuleState): AutomationRuleEvent[] {
  switch (command.type) {
    case 'DefineRule': {
      const d = command.data;
      if (state.status !== 'none') throw new RuleAlreadyExistsError(d.ruleId);
      validSpec(d.spec, d.ruleId);
      return [{ type: 'AutomationRuleDefined', data: { ...d, spec: clean(d.spec) } }];
    }
    case 'ProposeRule': {
      const d = command.data;
      if (state.status !== 'none') throw new RuleAlreadyExistsError(d.ruleId);
      validSpec(d.spec, d.ruleId);
      return [{ type: 'AutomationRuleProposed', data: { ...d, spec: clean(d.spec) } }];
    }
    case 'ReviseRule': {
      const d = command.data;
      const rule = visibleTo(state, d.ruleId, d.by);
      if (d.expectedVersion !== undefined && d.expectedVersion !== rule.version) {
        throw new RuleVersionConflictError(d.ruleId, `is at version ${rule.version}, not ${d.expectedVersion}`);
      }
      validSpec(d.spec, d.ruleId);
      const ownerVersion = d.by.kind === 'owner';
      if (d.specHash === rule.specHash && (!ownerVersion || rule.acceptedHash === d.specHash)) return [];
      return [
        {
          type: 'AutomationRuleRevised',
          data: {
            ruleId: d.ruleId,
            spec: clean(d.spec),
            specHash: d.specHash,
            by: d.by.kind,
            revisedBy: d.by.actorId,
            at: d.at,
          },
        },
      ];
    }
    case 'AcceptRule':
    case 'DeclineRule': {
      const d = command.data;
      const rule = visibleTo(state, d.ruleId, d.by);
      const verb = command.type === 'AcceptRule' ? 'accept' : 'decline';
      ownerOnly(rule, d.by, `${verb} a proposed rule`);
      if (rule.origin.kind !== 'provider') {
        throw new RuleActionNotAllowedError(d.ruleId, `the owner's own rule awaits no acceptance`);
      }
      if (d.specHash !== rule.specHash) {
        throw new RuleVersionConflictError(
          d.ruleId,
          `the proposal changed (its version is ${rule.specHash}): read it again`,
        );
      }
      if (command.type === 'AcceptRule') {
        if (rule.acceptance === 'accepted' && rule.acceptedHash === d.specHash) return [];
        return [
          {
            type: 'AutomationRuleAccepted',
            data: { ruleId: d.ruleId, specHash: d.specHash, acceptedBy: d.by.actorId, at: d.at },
          },
        ];
      }
      if (rule.acceptance === 'declined') return [];
      const reason = command.data.reason;
      return [
        {
          type: 'AutomationRuleDeclined',
          data: {
            ruleId: d.ruleId,
            specHash: d.specHash,
            declinedBy: d.by.actorId,
            ...(reason ? { reason } : {}),
            at: d.at,
          },
        },
      ];
    }
    case 'EnableRule': {
      const d = command.data;
      const rule = visibleTo(state, d.ruleId, d.by);
      ownerOnly(rule, d.by, 'enable a rule');
      if (rule.enabled) return [];
      return [{ type: 'AutomationRuleEnabled', data: { ruleId: d.ruleId, enabledBy: d.by.actorId, at: d.at } }];
    }
    case 'DisableRule': {
      const d = command.data;
      const rule = visibleTo(state, d.ruleId, d.by);
      ownerOnly(rule, d.by, 'disable a rule');
      if (!rule.enabled) return [];
      return [
        {
          type: 'AutomationRuleDisabled',
          data: { ruleId: d.ruleId, ...(d.reason ? { reason: d.reason } : {}), disabledBy: d.by.actorId, at: d.at },
        },
      ];
    }
    case 'DeleteRule': {
      const d = command.data;
      const rule = visibleTo(state, d.ruleId, d.by);
      if (d.by.kind === 'provider' && rule.acceptance === 'accepted') {
        throw new RuleActionNotAllowedError(
          d.ruleId,
          'an accepted rule belongs to the owner: only the owner may delete it',
        );
      }
      return [{ type: 'AutomationRuleDeleted', data: { ruleId: d.ruleId, deletedBy: d.by.actorId, at: d.at } }];
    }
    default:
      return assertNever(command);
  }
}

export const ruleDecider: Decider<RuleState, RuleCommand, AutomationRuleEvent> = { decide, evolve, initialState };
