import { aRuleAccepted, aRuleDisabled, aRuleProposed, aRuleRevised, aRuleSpec } from '#test/builders/automation.js';
import { describeProjection } from '#test/support/projection-spec.js';
import type { AutomationRuleEvent } from '../../../domain/automation/rule.events.js';
import { rulesProjection, selectRuleRows } from './rules.projection.js';
import { RULES_TABLE } from './rules.tables.js';

/** The events as appended to `rule-<id>`, moved to that rule. */
const asGiven = (id: string, events: readonly AutomationRuleEvent[]) =>
  events.map((e) => ({ type: e.type, data: { ...e.data, ruleId: id }, metadata: { actorId: 'user:owner-1' } }));

describeProjection(
  'automation rules projection',
  rulesProjection,
  (spec) => {
    const rows = (id: string) => selectRuleRows(spec.backend.db, RULES_TABLE, 'rule_id = $1', [id]);
    const inForce = (id: string) =>
      spec.rows<{ in_force: boolean }>(`SELECT in_force FROM ${RULES_TABLE} WHERE rule_id = $1`, [id]);

    it('Given a proposal accepted then revised by its provider, Then the row awaits the owner again and is not in force', async () => {
      const cheaper = aRuleSpec({ name: 'Cheaper' });
      await spec.given(
        'rule-r-p',
        asGiven('r-p', [aRuleProposed(), aRuleAccepted(), aRuleRevised(cheaper, 'hash-2', 'provider')]),
        'no_stream',
      );
      await spec.project({ batchSize: 2 });
      const [row] = await rows('r-p');
      expect(row?.state).toMatchObject({
        ruleId: 'r-p',
        origin: { kind: 'provider', providerId: 'provider-1', programId: 'program-1' },
        spec: cheaper,
        specHash: 'hash-2',
        acceptedHash: 'hash-1',
        acceptance: 'pending',
        version: 2,
      });
      expect(await inForce('r-p')).toEqual([{ in_force: false }]);
      await spec.given('rule-r-p', asGiven('r-p', [aRuleAccepted('hash-2')]));
      await spec.project();
      expect(await inForce('r-p')).toEqual([{ in_force: true }]);
    });

    it('Given a disabled and deleted rule, Then it is out of force and marked deleted, and a rebuild answers the same', async () => {
      await spec.given(
        'rule-r-d',
        asGiven('r-d', [
          aRuleProposed({ ruleId: 'r-d' }),
          aRuleAccepted(),
          aRuleDisabled(),
          {
            type: 'AutomationRuleDeleted',
            data: { ruleId: 'r-d', deletedBy: 'user:owner-1', at: '2026-12-02T00:00:00.000Z' },
          },
        ]),
        'no_stream',
      );
      await spec.project({ batchSize: 1 });
      const before = await rows('r-d');
      expect(before[0]?.state).toMatchObject({ status: 'deleted', enabled: false, version: 3 });
      await spec.rebuild();
      expect(await rows('r-d')).toEqual(before);
    });
  },
  { database: 'shared' },
);
