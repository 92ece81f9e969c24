import { randomUUID } from 'node:crypto';
import { specHash } from '../../src/application/automation/spec-hash.js';
import type { RuleSpec } from '../../src/domain/automation/rule-spec.js';
import type { RunningServer } from '../../src/interfaces/http/http-server.js';

/** A rule as the matrix rows need it: its id and the hash of its current version. */
export interface FreshRule {
  readonly ruleId: string;
  readonly specHash: string;
}

/** A price rule that switches the tenant's sensor off: only its owner may command it. */
export function aMatrixRuleSpec(sensorId: string): RuleSpec {
  return {
    name: 'Matrix rule',
    timezone: 'Europe/Amsterdam',
    when: [{ kind: 'price', payloadType: 'PRICE', op: '>', threshold: 0.3 }],
    then: [{ kind: 'switch_off', resources: [sensorId], maxMinutes: 60, restore: 'previous' }],
    constraints: { forbiddenWindows: [], maxOffMinutesPerEvent: 60 },
  };
}

/** A rule defined by the owner through the API. */
export async function aRule(
  server: RunningServer,
  owner: Readonly<Record<string, string>>,
  sensorId: string,
): Promise<FreshRule> {
  const response = await fetch(`${server.url}/api/rules`, {
    method: 'POST',
    headers: { ...owner, 'content-type': 'application/json' },
    body: JSON.stringify({ spec: aMatrixRuleSpec(sensorId) }),
  });
  if (response.status !== 201) throw new Error(`defining a rule answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as FreshRule;
}

/**
 * A rule a utility proposed to the owner, appended as the proposal flow will (its HTTP route comes with enrollment):
 * inert until the owner accepts this exact version.
 */
export async function aProposal(server: RunningServer, ownerUserId: string, sensorId: string): Promise<FreshRule> {
  const ruleId = randomUUID();
  const spec = aMatrixRuleSpec(sensorId);
  const hash = specHash(spec);
  const data = {
    ruleId,
    ownerId: `user:${ownerUserId}`,
    providerId: 'matrix-provider',
    programId: 'matrix-program',
    spec,
    specHash: hash,
    proposedBy: 'client:matrix-utility',
    at: new Date().toISOString(),
  };
  await server.storage.eventStore.append(
    `rule-${ruleId}`,
    [{ id: randomUUID(), type: 'AutomationRuleProposed', data, metadata: { schemaVersion: 1 } }],
    { expectedRevision: 'no_stream' },
  );
  return { ruleId, specHash: hash };
}
