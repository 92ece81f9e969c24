import { DeciderSpecification } from '#test/support/decider-spec.js';
import {
  A_PROGRAM,
  A_PROVIDER,
  A_RULE_ID,
  DEFINED_AT,
  OWNER,
  PROVIDER,
  RULE_OWNER,
  aRuleAccepted,
  aRuleDefined,
  aRuleDisabled,
  aRuleProposed,
  aRuleRevised,
  aRuleSpec,
} from '#test/builders/automation.js';
import { fold } from '../shared/decider.js';
import { isRuleInForce, ruleDecider, type RuleActor, type RuleCommand } from './rule.decider.js';
import {
  InvalidRuleError,
  RuleActionNotAllowedError,
  RuleAlreadyExistsError,
  RuleNotFoundError,
  RuleVersionConflictError,
} from './rule.errors.js';
import type { RuleSpec } from './rule-spec.js';

const given = DeciderSpecification.for(ruleDecider);
const AT = '2026-12-02T08:00:00.000Z';
const STRANGER: RuleActor = { kind: 'owner', ownerId: 'user:other', actorId: 'user:other' };
const on = (by: RuleActor = OWNER) => ({ ruleId: A_RULE_ID, by, at: AT });
const define = (spec: unknown = aRuleSpec(), ruleId = A_RULE_ID): RuleCommand => ({
  type: 'DefineRule',
  data: {
    ruleId,
    ownerId: RULE_OWNER,
    spec: spec as RuleSpec,
    specHash: 'hash-1',
    enabled: true,
    definedBy: RULE_OWNER,
    at: DEFINED_AT,
  },
});
const revise = (spec: RuleSpec, specHash: string, by: RuleActor = OWNER, expectedVersion?: number): RuleCommand => ({
  type: 'ReviseRule',
  data: { ...on(by), spec, specHash, ...(expectedVersion === undefined ? {} : { expectedVersion }) },
});
const accept = (specHash: string, by: RuleActor = OWNER): RuleCommand => ({
  type: 'AcceptRule',
  data: { ...on(by), specHash },
});
const cheaper = aRuleSpec({ name: 'Cheaper' });

describe('automation rule decider', () => {
  describe('define', () => {
    it("defines the owner's rule, in force at once, its name trimmed", () => {
      given()
        .when(define(aRuleSpec({ name: '  Boiler off at peaks ' })))
        .then([aRuleDefined()]);
      expect(isRuleInForce(fold(ruleDecider, [aRuleDefined()]))).toBe(true);
    });

    it('refuses a spec with problems, naming each field, and a second definition', () => {
      given()
        .when(define({ ...aRuleSpec(), timezone: 'Mars/Olympus', when: [] }))
        .thenThrows(InvalidRuleError, /timezone must be an IANA.*when must be a list of 1/);
      given()
        .when(
          define(
            aRuleSpec({
              constraints: { forbiddenWindows: [{ from: '25:00', to: '20:00' }], maxOffMinutesPerEvent: 0 },
            }),
          ),
        )
        .thenThrows(InvalidRuleError, /forbiddenWindows\[0\]\.from must be a local time HH:mm.*maxOffMinutesPerEvent/);
      given()
        .when(define(aRuleSpec(), 'has space'))
        .thenThrows(InvalidRuleError, /rule id/);
      given(aRuleDefined()).when(define()).thenThrows(RuleAlreadyExistsError);
    });
  });

  describe('a proposal by a utility', () => {
    it('does nothing until the owner accepts that exact version', () => {
      expect(isRuleInForce(fold(ruleDecider, [aRuleProposed()]))).toBe(false);
      given(aRuleProposed())
        .when(accept('hash-1'))
        .then([aRuleAccepted('hash-1', AT)]);
      expect(isRuleInForce(fold(ruleDecider, [aRuleProposed(), aRuleAccepted()]))).toBe(true);
    });

    it('refuses an acceptance of a version the provider has since revised, and needs a new one after it', () => {
      const revised = [aRuleProposed(), aRuleAccepted(), aRuleRevised(cheaper, 'hash-2', 'provider')];
      expect(isRuleInForce(fold(ruleDecider, revised))).toBe(false);
      given(...revised)
        .when(accept('hash-1'))
        .thenThrows(RuleVersionConflictError, /the proposal changed/);
      given(...revised)
        .when(accept('hash-2'))
        .then([aRuleAccepted('hash-2', AT)]);
    });

    it('is declined by the owner and stays inert; the provider may propose a revision and withdraw it', () => {
      const declined = fold(ruleDecider, [
        aRuleProposed(),
        {
          type: 'AutomationRuleDeclined',
          data: { ruleId: A_RULE_ID, specHash: 'hash-1', declinedBy: RULE_OWNER, at: AT },
        },
      ]);
      expect(declined).toMatchObject({ acceptance: 'declined' });
      expect(isRuleInForce(declined)).toBe(false);
      given(aRuleProposed())
        .when({ type: 'DeclineRule', data: { ...on(), specHash: 'hash-1', reason: 'too long' } })
        .then([
          {
            type: 'AutomationRuleDeclined',
            data: { ruleId: A_RULE_ID, specHash: 'hash-1', declinedBy: RULE_OWNER, reason: 'too long', at: AT },
          },
        ]);
      given(aRuleProposed())
        .when(revise(cheaper, 'hash-2', PROVIDER))
        .then([aRuleRevised(cheaper, 'hash-2', 'provider', AT)]);
      given(aRuleProposed())
        .when({ type: 'DeleteRule', data: on(PROVIDER) })
        .then([{ type: 'AutomationRuleDeleted', data: { ruleId: A_RULE_ID, deletedBy: 'client:bl-1', at: AT } }]);
    });

    it('leaves acceptance, enabling and deletion of an accepted rule to the owner', () => {
      given(aRuleProposed())
        .when(accept('hash-1', PROVIDER))
        .thenThrows(RuleActionNotAllowedError, /only the owner/);
      given(aRuleProposed(), aRuleAccepted())
        .when({ type: 'DeleteRule', data: on(PROVIDER) })
        .thenThrows(RuleActionNotAllowedError);
      given(aRuleProposed())
        .when({ type: 'DisableRule', data: on(PROVIDER) })
        .thenThrows(RuleActionNotAllowedError);
      given(aRuleDefined())
        .when(accept('hash-1'))
        .thenThrows(RuleActionNotAllowedError, /awaits no acceptance/);
    });

    it("is another provider's and another owner's to know nothing of", () => {
      const other: RuleActor = { kind: 'provider', providerId: 'provider-2', actorId: 'client:bl-2' };
      given(aRuleProposed())
        .when(revise(cheaper, 'hash-2', other))
        .thenThrows(RuleNotFoundError);
      given(aRuleProposed()).when(accept('hash-1', STRANGER)).thenThrows(RuleNotFoundError);
      given(aRuleDefined())
        .when(revise(cheaper, 'hash-2', PROVIDER))
        .thenThrows(RuleNotFoundError);
      expect(fold(ruleDecider, [aRuleProposed()])).toMatchObject({
        origin: { kind: 'provider', providerId: A_PROVIDER, programId: A_PROGRAM },
      });
    });
  });

  describe('revise, enable, disable, delete', () => {
    it('revises at the version read, and a revision by the owner is in force at once', () => {
      given(aRuleDefined())
        .when(revise(cheaper, 'hash-2', OWNER, 0))
        .then([aRuleRevised(cheaper, 'hash-2', 'owner', AT)]);
      given(aRuleDefined(), aRuleDisabled())
        .when(revise(cheaper, 'hash-2', OWNER, 0))
        .thenThrows(RuleVersionConflictError, /version 1, not 0/);
      given(aRuleDefined()).when(revise(aRuleSpec(), 'hash-1')).then([]);
      const ownersVersion = fold(ruleDecider, [aRuleProposed(), aRuleRevised(cheaper, 'hash-2', 'owner')]);
      expect(isRuleInForce(ownersVersion)).toBe(true);
    });

    it('disables and enables, each only when it changes something', () => {
      given(aRuleDefined())
        .when({ type: 'DisableRule', data: { ...on(), reason: 'holiday' } })
        .then([
          {
            type: 'AutomationRuleDisabled',
            data: { ruleId: A_RULE_ID, reason: 'holiday', disabledBy: RULE_OWNER, at: AT },
          },
        ]);
      given(aRuleDefined(), aRuleDisabled()).when({ type: 'DisableRule', data: on() }).then([]);
      given(aRuleDefined(), aRuleDisabled())
        .when({ type: 'EnableRule', data: on() })
        .then([{ type: 'AutomationRuleEnabled', data: { ruleId: A_RULE_ID, enabledBy: RULE_OWNER, at: AT } }]);
      expect(isRuleInForce(fold(ruleDecider, [aRuleDefined(), aRuleDisabled()]))).toBe(false);
    });

    it('deletes, after which the rule is not found by anyone', () => {
      const deleted = {
        type: 'AutomationRuleDeleted' as const,
        data: { ruleId: A_RULE_ID, deletedBy: RULE_OWNER, at: AT },
      };
      given(aRuleDefined()).when({ type: 'DeleteRule', data: on() }).then([deleted]);
      given(aRuleDefined(), deleted).when({ type: 'EnableRule', data: on() }).thenThrows(RuleNotFoundError);
      given(aRuleDefined())
        .when({ type: 'DeleteRule', data: on(STRANGER) })
        .thenThrows(RuleNotFoundError);
      given().when({ type: 'DeleteRule', data: on() }).thenThrows(RuleNotFoundError);
    });
  });
});

describe('a stored spec', () => {
  it('keeps no key its kinds do not define', () => {
    const stray = { ...aRuleSpec(), extra: 1, when: [{ kind: 'dr_event', programId: 'program-1', sql: 'x' }] };
    given()
      .when(define(stray))
      .then((events) => {
        expect(events[0]?.data).toMatchObject({ spec: aRuleSpec() });
        expect(JSON.stringify(events[0]?.data)).not.toMatch(/extra|sql/);
      });
  });
});
