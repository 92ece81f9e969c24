import { isAutomationRuleEvent, type AutomationRuleEvent } from '../../domain/automation/rule.events.js';
import type { StreamEvents } from '../shared/decider-command.js';

export const RULE_STREAM_PREFIX = 'rule-';
export const RULE_SCHEMA_VERSION = 1;

export function ruleStream(ruleId: string): string {
  return `${RULE_STREAM_PREFIX}${ruleId}`;
}

/** `rule-<id>` holds only the rule decider's events: a version is the stream revision. */
export const RULE_EVENTS: StreamEvents<AutomationRuleEvent> = {
  accepts: isAutomationRuleEvent,
  schemaVersion: RULE_SCHEMA_VERSION,
};
