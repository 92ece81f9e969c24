import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/interfaces/http/http-server.js';
import type { RoleCredentials } from './roles.js';
import type { Fixtures } from './tenant-fixtures.js';

/** The dashboard rows' fresh dashboards of A's, made while A could still chart the sensor: one per row and role. */
const DASHBOARDS_BEFORE_HANDOVER = 7 * 4;
/** The rule rows' fresh rules of A's (get, revise, delete, enable, disable), made while A could switch the plug. */
const RULES_BEFORE_HANDOVER = 5 * 4;
/** The market rows' fresh enrollments of A's (pause, leave), made while the plug was A's to enroll. */
const ENROLLMENTS_BEFORE_HANDOVER = 2 * 4;

/** Hands out objects made before the handover, one per call. */
function pool<T>(made: T[], what: string): () => Promise<T> {
  return () => {
    const next = made.pop();
    return next
      ? Promise.resolve(next)
      : Promise.reject(new Error(`more ${what} asked for than made before the handover`));
  };
}

/**
 * Hands tenant A's gateway to tenant B's owner through the API, then reports a reading of B's period on it (the
 * gateway reported twice before: the seeded reading and the alarm's), and waits until B reads it as its newest.
 * Answers the fixtures as they stand after it: A's fresh dashboards, rules and enrollments were made before (a tile,
 * a rule or an enrollment names a sensor its owner may use at the time, so A can no longer make new ones on it), and
 * a fresh grant on A's former sensor is given by its owner now, B.
 */
export async function handOverTenantA(
  server: RunningServer,
  adminToken: string,
  fixtures: Fixtures,
  credentials: RoleCredentials,
): Promise<Fixtures> {
  const dashboards = await Promise.all(
    Array.from({ length: DASHBOARDS_BEFORE_HANDOVER }, () => fixtures.freshDashboard('A')),
  );
  const rules = await Promise.all(Array.from({ length: RULES_BEFORE_HANDOVER }, () => fixtures.freshRule('A')));
  const enrollments = await Promise.all(
    Array.from({ length: ENROLLMENTS_BEFORE_HANDOVER }, () => fixtures.market.freshEnrollment()),
  );
  const handed = await fetch(`${server.url}/api/gateways/${fixtures.A.gatewayId}/owner`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ownerId: fixtures.B.ownerId }),
  });
  if (handed.status !== 200) throw new Error(`the handover answered ${handed.status}: ${await handed.text()}`);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const measuredAt = new Date().toISOString();
  const reading = {
    sensorId: fixtures.A.sensorId,
    nodeId: fixtures.A.nodeId,
    quantity: 'power',
    unit: 'W',
    value: 20,
    measuredAt,
    source: { protocol: 'zigbee', cluster: 'haElectricalMeasurement' },
  };
  const data = {
    gatewayId: fixtures.A.gatewayId,
    sequence: 2,
    networkType: 'zigbee',
    readings: [reading],
    receivedAt: measuredAt,
  };
  await server.storage.eventStore.append(
    `readings-${fixtures.A.gatewayId}`,
    [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
    // Other fixtures (the market's meter) may have appended to this stream first, whenever their rows ran.
    { expectedRevision: 'any' },
  );
  server.projections.poke();
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await fetch(
      `${server.url}/api/readings/latest?sensor=${encodeURIComponent(fixtures.A.sensorId)}`,
      { headers: credentials.headersFor('userB') },
    );
    const body = (await response.json()) as { items?: { value: number }[] };
    if (body.items?.[0]?.value === 20) break;
    if (Date.now() > deadline) throw new Error(`B never read its reading after the handover: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const grantOnFormerSensorOfA = async (): Promise<string> => {
    const grantee = await fixtures.freshClient();
    const response = await fetch(`${server.url}/api/grants`, {
      method: 'POST',
      headers: { ...credentials.headersFor('userB'), 'content-type': 'application/json' },
      body: JSON.stringify({
        grantee: { kind: 'client', id: grantee.clientId },
        scope: { sensorIds: [fixtures.A.sensorId] },
        rights: ['read'],
      }),
    });
    if (response.status !== 201) throw new Error(`granting answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { grantId: string }).grantId;
  };
  const nextDashboard = pool(dashboards, 'fresh dashboards of A');
  const nextRule = pool(rules, 'fresh rules of A');
  return {
    ...fixtures,
    freshDashboard: (tenant) => (tenant === 'A' ? nextDashboard() : fixtures.freshDashboard(tenant)),
    freshRule: (tenant) => (tenant === 'A' ? nextRule() : fixtures.freshRule(tenant)),
    market: { ...fixtures.market, freshEnrollment: pool(enrollments, 'fresh enrollments of A') },
    freshGrant: (tenant) => (tenant === 'A' ? grantOnFormerSensorOfA() : fixtures.freshGrant(tenant)),
  };
}
