import type { Cell, MatrixRow } from './authorization-matrix.js';
import { aMatrixRuleSpec } from './rule-fixtures.js';
import type { Role } from './roles.js';

/**
 * Rows of the automation rules for `AUTHORIZATION_MATRIX`. A rule is its owner's alone: every request targets a
 * fresh rule (or a utility's proposal) of tenant A's owner, which everyone else is told does not exist (404). Any
 * signed-in caller may keep rules of its own, but a rule may switch only plugs its author may command.
 */

type Cells = Readonly<Record<Role, Cell>>;

const ownerOnly = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: 404,
  clientWithGrant: 404,
  clientWithoutGrant: 404,
  clientAfterRevoke: 404,
  admin: 404,
});
const SIGNED_IN = (status: number): Cells => ({
  anonymous: 401,
  userA: status,
  userB: status,
  clientWithGrant: status,
  clientWithoutGrant: status,
  clientAfterRevoke: status,
  admin: status,
});

const RANGE = { from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z' };

export const RULE_MATRIX_ROWS: Readonly<Record<string, MatrixRow>> = {
  'GET /api/rules': { expected: SIGNED_IN(200) },
  // Switching A's plug: its owner and admins may command it; a `read` grant is not a `command` one.
  'POST /api/rules': {
    request: (f) => ({ body: { spec: aMatrixRuleSpec(f.A.sensorId) } }),
    expected: { ...ownerOnly(201), admin: 201 },
  },
  'POST /api/rules/dry-run': { request: () => ({ body: RANGE }), expected: SIGNED_IN(200) },
  'GET /api/rules/{id}': {
    request: async (f) => ({ path: { id: (await f.freshRule('A')).ruleId } }),
    expected: ownerOnly(200),
  },
  'PUT /api/rules/{id}': {
    request: async (f) => ({
      path: { id: (await f.freshRule('A')).ruleId },
      body: { spec: { ...aMatrixRuleSpec(f.A.sensorId), name: 'Revised' } },
    }),
    expected: ownerOnly(200),
  },
  'DELETE /api/rules/{id}': {
    request: async (f) => ({ path: { id: (await f.freshRule('A')).ruleId } }),
    expected: ownerOnly(204),
  },
  'POST /api/rules/{id}/enable': {
    request: async (f) => ({ path: { id: (await f.freshRule('A')).ruleId } }),
    expected: ownerOnly(200),
  },
  'POST /api/rules/{id}/disable': {
    request: async (f) => ({ path: { id: (await f.freshRule('A')).ruleId }, body: { reason: 'matrix' } }),
    expected: ownerOnly(200),
  },
  'POST /api/rules/{id}/accept': {
    request: async (f) => {
      const proposal = await f.freshProposal('A');
      return { path: { id: proposal.ruleId }, body: { specHash: proposal.specHash } };
    },
    expected: ownerOnly(200),
  },
  'POST /api/rules/{id}/decline': {
    request: async (f) => {
      const proposal = await f.freshProposal('A');
      return { path: { id: proposal.ruleId }, body: { specHash: proposal.specHash } };
    },
    expected: ownerOnly(200),
  },
};
