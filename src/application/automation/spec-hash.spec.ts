import { aRuleSpec } from '#test/builders/automation.js';
import type { RuleSpec } from '../../domain/automation/rule-spec.js';
import { specHash } from './spec-hash.js';

describe('specHash', () => {
  it('names a version by its content: key order and stray keys do not change it, a change of content does', () => {
    const spec = aRuleSpec();
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as unknown as RuleSpec;
    const stray = { ...spec, note: 'ignored' } as RuleSpec;
    expect(specHash(reordered)).toBe(specHash(spec));
    expect(specHash(stray)).toBe(specHash(spec));
    expect(specHash(aRuleSpec({ name: 'Other' }))).not.toBe(specHash(spec));
    expect(specHash(spec)).toMatch(/^[0-9a-f]{32}$/);
  });
});
