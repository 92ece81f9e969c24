import { createHash } from 'node:crypto';
import type { RuleSpec } from '../../domain/automation/rule-spec.js';
import { cleanRuleSpec } from '../../domain/automation/rule-spec.clean.js';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The name of one exact version of a spec: SHA-256 of its cleaned JSON with keys sorted, first 32 hex digits. The owner
 * accepts a proposal by this hash, so a revision made after the owner read it cannot be accepted unseen.
 */
export function specHash(spec: RuleSpec): string {
  let stored: unknown = spec;
  try {
    // The hash names the spec as the decider stores it (cleaned).
    stored = cleanRuleSpec(spec);
  } catch {
    // Left as sent: the decider refuses it with every problem named.
  }
  return createHash('sha256')
    .update(JSON.stringify(canonical(stored)))
    .digest('hex')
    .slice(0, 32);
}
