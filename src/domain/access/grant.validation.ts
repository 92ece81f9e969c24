import { GRANTEE_KINDS, GRANT_RIGHTS, type GrantRight, type GrantScope } from './grant.events.js';

export const GRANT_LIMITS = {
  /** Object ids per kind in one grant. */
  maxObjects: 500,
  idMax: 500,
  granteeIdMax: 200,
} as const;

export interface GrantInput {
  readonly grantee: { readonly kind: string; readonly id: string };
  readonly scope: GrantScope;
  readonly rights: readonly string[];
  readonly expiresAt?: string;
  readonly at: string;
}

function idsProblems(problems: string[], field: string, ids: readonly string[] | undefined): void {
  if (ids === undefined) return;
  if (ids.length > GRANT_LIMITS.maxObjects)
    problems.push(`scope.${field} allows at most ${GRANT_LIMITS.maxObjects} ids`);
  if (ids.some((id) => typeof id !== 'string' || id.length === 0 || id.length > GRANT_LIMITS.idMax)) {
    problems.push(`scope.${field} ids must be 1 to ${GRANT_LIMITS.idMax} characters`);
  }
}

/** Every reason the input is not a grant, at once; empty when it is one. */
export function grantProblems(input: GrantInput): string[] {
  const problems: string[] = [];
  if (!(GRANTEE_KINDS as readonly string[]).includes(input.grantee.kind))
    problems.push('grantee.kind must be user or client');
  if (input.grantee.id.length === 0 || input.grantee.id.length > GRANT_LIMITS.granteeIdMax) {
    problems.push(`grantee.id must be 1 to ${GRANT_LIMITS.granteeIdMax} characters`);
  }
  const { gatewayIds, nodeIds, sensorIds } = input.scope;
  idsProblems(problems, 'gatewayIds', gatewayIds);
  idsProblems(problems, 'nodeIds', nodeIds);
  idsProblems(problems, 'sensorIds', sensorIds);
  if ((gatewayIds?.length ?? 0) + (nodeIds?.length ?? 0) + (sensorIds?.length ?? 0) === 0) {
    problems.push('scope must name at least one gateway, node or sensor');
  }
  if (input.rights.length === 0) problems.push('rights must name at least one of read, aggregate, command');
  const unknown = input.rights.filter((r) => !(GRANT_RIGHTS as readonly string[]).includes(r));
  if (unknown.length > 0) problems.push(`unknown rights: ${unknown.slice(0, 5).join(', ')}`);
  if (input.expiresAt !== undefined) {
    const expires = Date.parse(input.expiresAt);
    if (Number.isNaN(expires)) problems.push('expiresAt must be an ISO-8601 time');
    else if (expires <= Date.parse(input.at)) problems.push('expiresAt must lie in the future');
  }
  return problems;
}

/** `read` implies `aggregate`; stored in a fixed order without duplicates. */
export function normaliseRights(rights: readonly string[]): GrantRight[] {
  const wanted = new Set(rights);
  if (wanted.has('read')) wanted.add('aggregate');
  return GRANT_RIGHTS.filter((r) => wanted.has(r));
}

export function distinct(ids: readonly string[] | undefined): string[] | undefined {
  return ids === undefined || ids.length === 0 ? undefined : [...new Set(ids)];
}
