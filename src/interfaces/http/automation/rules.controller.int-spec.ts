import { randomUUID } from 'node:crypto';
import { InMemoryPrincipalDirectory } from '#test/support/in-memory-principal-directory.js';
import { startPrincipalApi, type PrincipalApi } from '#test/support/principal-api.js';
import { specHash } from '../../../application/automation/spec-hash.js';
import type { RuleSpec } from '../../../domain/automation/rule-spec.js';

const OWNER = 'admin:ops';
const STRANGER = 'user:bob';
const GATEWAY = 'gw-rules';
const SENSOR = 'zigbee:0x00000000000000e1/1/power';
const PROGRAM = 'tariff-rules-spec';

interface Rule {
  ruleId: string;
  specHash: string;
  acceptance: string;
  enabled: boolean;
  inForce: boolean;
  version: number;
  spec: RuleSpec;
}

const priceRule = (overrides: Partial<RuleSpec> = {}): RuleSpec => ({
  name: 'Off when dear',
  timezone: 'Europe/Amsterdam',
  when: [{ kind: 'price', programId: PROGRAM, payloadType: 'PRICE', op: '>', threshold: 0.3, minConsecutiveSlots: 2 }],
  then: [{ kind: 'switch_off', resources: [SENSOR], maxMinutes: 180, restore: 'previous' }],
  constraints: { forbiddenWindows: [], maxOffMinutesPerEvent: 180 },
  ...overrides,
});

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect({ status: response.status, text }).toEqual({ status, text: expect.any(String) });
  return (text ? JSON.parse(text) : undefined) as T;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('rules API', () => {
  let api: PrincipalApi;
  const list = async (as = OWNER) => json<{ items: Rule[] }>(await api.call(as, 'GET', '/api/rules'), 200);

  beforeAll(async () => {
    api = await startPrincipalApi('rules-api', new InMemoryPrincipalDirectory([{ kind: 'user', id: 'bob' }]));
    const at = '2026-12-01T12:00:00.000Z';
    const reading = { sensorId: SENSOR, nodeId: 'zigbee:0x00000000000000e1', quantity: 'power', unit: 'W', value: 5 };
    const source = { protocol: 'zigbee', cluster: 'haElectricalMeasurement' };
    await api.storage.eventStore.append(
      `readings-${GATEWAY}`,
      [
        {
          id: randomUUID(),
          type: 'ReadingsReported',
          data: {
            gatewayId: GATEWAY,
            sequence: 0,
            networkType: 'zigbee',
            receivedAt: at,
            readings: [{ ...reading, measuredAt: at, source }],
          },
          metadata: { schemaVersion: 2 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const prices = [0.2, 0.35, 0.4, 0.45, 0.25, 0.2];
    const content = {
      programID: PROGRAM,
      eventName: 'prices',
      intervalPeriod: { start: '2026-12-07T00:00:00Z', duration: 'PT1H' },
      intervals: prices.map((value, id) => ({ id, payloads: [{ type: 'PRICE', values: [value] }] })),
    };
    await api.storage.eventStore.append(
      'grid-signal-e-rules',
      [
        {
          id: randomUUID(),
          type: 'GridSignalPublished',
          data: { eventId: 'e-rules', programId: PROGRAM, providerId: 'prov-a', content, at },
          metadata: { schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    await until(
      async () =>
        (await (await api.call(OWNER, 'GET', `/api/readings/latest?sensor=${SENSOR}`)).json()) as { missing: string[] },
      (body) => body.missing?.length === 0,
    );
  }, 60_000);
  afterAll(() => api?.close(), 30_000);

  it('defines, revises at a version, disables, enables and deletes a rule, its owner alone', async () => {
    const rule = await json<Rule>(await api.call(OWNER, 'POST', '/api/rules', { spec: priceRule() }), 201);
    expect(rule).toMatchObject({ acceptance: 'accepted', enabled: true, inForce: true, version: 0 });
    expect((await api.call(STRANGER, 'GET', `/api/rules/${rule.ruleId}`)).status).toBe(404);
    const listed = await until(
      () => list(),
      (page) => page.items.some((r) => r.ruleId === rule.ruleId),
    );
    expect(listed.items.map((r) => r.ruleId)).toContain(rule.ruleId);
    expect((await list(STRANGER)).items).toEqual([]);

    const stale = await api.call(OWNER, 'PUT', `/api/rules/${rule.ruleId}`, {
      spec: priceRule({ name: 'x' }),
      expectedVersion: 3,
    });
    expect(stale.status).toBe(409);
    const revised = await json<Rule>(
      await api.call(OWNER, 'PUT', `/api/rules/${rule.ruleId}`, {
        spec: priceRule({ name: 'Renamed' }),
        expectedVersion: 0,
      }),
      200,
    );
    expect(revised).toMatchObject({ version: 1, inForce: true, spec: { name: 'Renamed' } });
    const disabled = await json<Rule>(
      await api.call(OWNER, 'POST', `/api/rules/${rule.ruleId}/disable`, { reason: 'away' }),
      200,
    );
    expect(disabled).toMatchObject({ enabled: false, inForce: false });
    expect(await json<Rule>(await api.call(OWNER, 'POST', `/api/rules/${rule.ruleId}/enable`), 200)).toMatchObject({
      inForce: true,
    });
    expect((await api.call(STRANGER, 'DELETE', `/api/rules/${rule.ruleId}`)).status).toBe(404);
    expect((await api.call(OWNER, 'DELETE', `/api/rules/${rule.ruleId}`)).status).toBe(204);
    expect((await api.call(OWNER, 'GET', `/api/rules/${rule.ruleId}`)).status).toBe(404);
  });

  it('refuses a bad spec with every problem named, and a plug the caller may not command as not found', async () => {
    const bad = await api.call(OWNER, 'POST', '/api/rules', {
      spec: {
        ...priceRule(),
        timezone: 'Nowhere/City',
        when: [{ kind: 'price', payloadType: 'PRICE', op: '!', threshold: 'x' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { detail: string };
    expect(problem.detail).toMatch(/timezone must be an IANA/);
    expect(problem.detail).toMatch(/when\[0\]\.op must be one of/);
    expect(problem.detail).toMatch(/when\[0\]\.threshold must be a finite number/);
    expect((await api.call(STRANGER, 'POST', '/api/rules', { spec: priceRule() })).status).toBe(404);
    expect((await api.call(OWNER, 'POST', '/api/rules', { spec: priceRule(), extra: 1 })).status).toBe(400);
  });

  it("acts on a utility's proposal only once the owner accepts the version it read", async () => {
    const ruleId = randomUUID();
    const spec = priceRule({ name: 'Suggested' });
    await api.storage.eventStore.append(
      `rule-${ruleId}`,
      [
        {
          id: randomUUID(),
          type: 'AutomationRuleProposed',
          data: {
            ruleId,
            ownerId: 'user:ops',
            providerId: 'prov-a',
            programId: PROGRAM,
            spec,
            specHash: specHash(spec),
            proposedBy: 'client:bl',
            at: '2026-12-01T12:00:00.000Z',
          },
          metadata: { schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const proposal = await json<Rule>(await api.call(OWNER, 'GET', `/api/rules/${ruleId}`), 200);
    expect(proposal).toMatchObject({
      acceptance: 'pending',
      inForce: false,
      origin: { kind: 'provider', providerId: 'prov-a' },
    });
    expect((await api.call(OWNER, 'POST', `/api/rules/${ruleId}/accept`, { specHash: 'other' })).status).toBe(409);
    expect(
      (await api.call(STRANGER, 'POST', `/api/rules/${ruleId}/accept`, { specHash: proposal.specHash })).status,
    ).toBe(404);
    const accepted = await json<Rule>(
      await api.call(OWNER, 'POST', `/api/rules/${ruleId}/accept`, { specHash: proposal.specHash }),
      200,
    );
    expect(accepted).toMatchObject({ acceptance: 'accepted', inForce: true });
  });

  it('dry-runs a draft over stored prices with the planner the executor uses', async () => {
    const range = { from: '2026-12-07T00:00:00Z', to: '2026-12-07T06:00:00Z' };
    const plan = await until(
      async () =>
        json<{
          holds: { from: string; until: string; action: string; sensorId: string }[];
          skipped: { reason: string }[];
        }>(await api.call(OWNER, 'POST', '/api/rules/dry-run', { ...range, draft: priceRule(), onlyDraft: true }), 200),
      (p) => p.holds.length > 0,
    );
    expect(plan.holds).toEqual([
      expect.objectContaining({
        action: 'off',
        sensorId: SENSOR,
        from: '2026-12-07T02:00:00.000Z',
        until: '2026-12-07T04:00:00.000Z',
      }),
    ]);
    const unknown = await json<{ holds: unknown[]; skipped: { reason: string }[] }>(
      await api.call(OWNER, 'POST', '/api/rules/dry-run', {
        ...range,
        draft: priceRule({ only: [{ kind: 'state_known' }] }),
        onlyDraft: true,
      }),
      200,
    );
    expect(unknown.holds).toEqual([]);
    expect(unknown.skipped.map((s) => s.reason)).toEqual(['state_unknown']);
    const tooLong = await api.call(OWNER, 'POST', '/api/rules/dry-run', {
      from: range.from,
      to: '2027-03-01T00:00:00Z',
    });
    expect(tooLong.status).toBe(400);
  });
});
