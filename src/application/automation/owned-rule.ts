import { actorIdOf, type Principal } from '../../domain/access/principal.js';
import { isRuleInForce, ruleDecider, type RuleActor, type RuleState } from '../../domain/automation/rule.decider.js';
import { RuleNotFoundError } from '../../domain/automation/rule.errors.js';
import type { AutomationRuleEvent } from '../../domain/automation/rule.events.js';
import type { Action, Condition, RuleSpec, Trigger } from '../../domain/automation/rule-spec.js';
import { NotAuthenticatedError } from '../access/access.errors.js';
import type { AccessPolicy } from '../access/ports/access-policy.port.js';
import type { EventStore, RecordedEvent } from '../ports/event-store.port.js';
import { loadStream } from '../shared/decider-command.js';
import { RULE_EVENTS, ruleStream } from './rule-stream.js';
import type { RuleView } from './rule-view.js';

type Existing = Exclude<RuleState, { status: 'none' }>;

/** Who owns what a principal creates: every signed-in caller may keep rules of its own, like dashboards. */
export function ruleOwnerOf(principal: Principal): string {
  if (principal.kind === 'anonymous') throw new NotAuthenticatedError();
  return actorIdOf(principal);
}

/** A utility's client (role `bl`, bound to a provider) acts as that provider; every other caller as an owner. */
export function ruleActorOf(principal: Principal): RuleActor {
  const actorId = ruleOwnerOf(principal);
  if (principal.kind === 'client' && principal.clientRole === 'bl' && principal.providerId) {
    return { kind: 'provider', providerId: principal.providerId, actorId };
  }
  return { kind: 'owner', ownerId: actorId, actorId };
}

function visibleTo(state: Existing, actor: RuleActor): boolean {
  if (actor.kind === 'owner') return state.ownerId === actor.ownerId;
  return state.origin.kind === 'provider' && state.origin.providerId === actor.providerId;
}

export interface LoadedRule {
  readonly state: Existing;
  readonly recorded: readonly RecordedEvent[];
}

/** The rule folded from its stream; anyone but its owner (or proposing provider), and everyone once deleted, gets 404. */
export async function loadVisibleRule(store: EventStore, principal: Principal, ruleId: string): Promise<LoadedRule> {
  const actor = ruleActorOf(principal);
  const { state, recorded } = await loadStream(store, ruleStream(ruleId), ruleDecider, RULE_EVENTS);
  if (state.status !== 'active' || !visibleTo(state, actor)) throw new RuleNotFoundError(ruleId);
  return { state, recorded };
}

export function ruleView(state: Existing, createdAt: string, updatedAt: string): RuleView {
  return {
    ruleId: state.ruleId,
    ownerId: state.ownerId,
    origin: state.origin,
    spec: state.spec,
    specHash: state.specHash,
    acceptance: state.acceptance,
    enabled: state.enabled,
    inForce: isRuleInForce(state),
    version: state.version,
    createdAt,
    updatedAt,
  };
}

export function currentRuleView({ state, recorded }: LoadedRule): RuleView {
  return ruleView(state, recorded[0]?.recordedAt ?? '', recorded.at(-1)?.recordedAt ?? '');
}

function switchedBy(action: Action): readonly string[] {
  return action.kind === 'notify' ? [] : action.resources;
}

function readBy(item: Trigger | Condition): readonly string[] {
  return item.kind === 'reading' || item.kind === 'load_above' ? [item.sensorId] : [];
}

/**
 * A rule may switch only plugs its owner may command, and read only sensors its owner may read; an unknown or
 * foreign sensor answers 404 like any other. Checked when a rule is defined, revised or accepted.
 */
export async function assertRuleSensors(policy: AccessPolicy, principal: Principal, spec: RuleSpec): Promise<void> {
  const commanded = new Set(spec.then.flatMap(switchedBy));
  const read = new Set([...spec.when, ...(spec.only ?? [])].flatMap(readBy));
  for (const sensorId of commanded) await policy.assertSensorRight(principal, sensorId, 'command');
  for (const sensorId of read) await policy.assertSensorRight(principal, sensorId, 'read');
}

/** The sensors of the specs a batch of rule events stores, checked before anything is appended */
export async function assertSpecsOf(
  policy: AccessPolicy,
  principal: Principal,
  events: readonly AutomationRuleEvent[],
): Promise<void> {
  for (const event of events) {
    if (event.type === 'AutomationRuleDefined' || event.type === 'AutomationRuleRevised') {
      await assertRuleSensors(policy, principal, event.data.spec);
    }
  }
}
