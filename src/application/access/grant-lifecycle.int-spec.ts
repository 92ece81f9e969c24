import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { GrantNotActiveError, GrantNotFoundError } from '../../domain/access/access.errors.js';
import { resolvedScopeAdmits } from './sensor-scope/live-scope.js';
import { accessHandlers } from '#test/support/access-handlers.js';
import {
  A_ENERGY,
  A_POWER,
  ADMIN,
  ALICE,
  B_POWER,
  BOB,
  CLIENT,
  project,
  seedTwoHomes,
  TestClock,
} from '#test/support/access-homes.js';
import { GrantExpirySweeper } from './expire-grants/grant-expiry-sweeper.js';
import { ListGrantsHandler } from './list-grants/list-grants.handler.js';
import { ListGrants, type GrantFilter } from './list-grants/list-grants.query.js';
import type { Principal } from '../../domain/access/principal.js';

const A_READING = { sensorId: A_POWER, nodeId: 'a-meter', gatewayId: 'gw-a' };

describeEachBackend('grant lifecycle on %s', (backendName) => {
  let b: SqlBackend;
  let clock: TestClock;
  let h: ReturnType<typeof accessHandlers>;
  const list = async (p: Principal, filter: Partial<GrantFilter> = {}) =>
    (await new ListGrantsHandler(b!.db, clock).execute(new ListGrants(p, { limit: 100, ...filter }))).items;

  beforeEach(async () => {
    b = await openBackend(backendName, 'grant-life');
    await seedTwoHomes(b);
    clock = new TestClock(new Date('2025-03-01T12:00:00.000Z'));
    h = accessHandlers(b, clock);
  }, 90_000);
  afterEach(async () => {
    await b?.cleanup();
  }, 60_000);

  it('lists the grants one gave and holds, with their effective status; admins see all and may filter', async () => {
    const toBob = await h.grant(
      ALICE,
      { kind: 'user', id: 'bob' },
      { sensorIds: [A_POWER, A_POWER] },
      ['read'],
      '2025-03-01T13:00:00.000Z',
    );
    const toClient = await h.grant(BOB, { kind: 'client', id: 'c-1' }, { gatewayIds: ['gw-b'] }, ['aggregate']);
    expect(await list(ALICE)).toEqual([
      {
        grantId: toBob,
        grantor: 'user:alice',
        grantee: { kind: 'user', id: 'bob' },
        scope: { gatewayIds: [], nodeIds: [], sensorIds: [A_POWER] },
        rights: ['read', 'aggregate'],
        expiresAt: '2025-03-01T13:00:00.000Z',
        grantedAt: '2025-03-01T12:00:00.000Z',
        status: 'active',
        endedAt: null,
        endReason: null,
      },
    ]);
    expect((await list(BOB)).map((g) => g.grantId).sort()).toEqual([toBob, toClient].sort());
    expect((await list(BOB, { role: 'held' })).map((g) => g.grantId)).toEqual([toBob]);
    expect((await list(BOB, { role: 'given' })).map((g) => g.grantId)).toEqual([toClient]);
    expect((await list(CLIENT)).map((g) => g.grantId)).toEqual([toClient]);
    expect(await list(ADMIN)).toHaveLength(2);
    expect((await list(ADMIN, { actorId: 'client:c-1' })).map((g) => g.grantId)).toEqual([toClient]);
    // Non-admins cannot widen the view with an actor filter.
    expect((await list(CLIENT, { actorId: 'user:alice' })).map((g) => g.grantId)).toEqual([toClient]);
    clock.set('2025-03-01T13:00:00.000Z');
    expect((await list(ALICE))[0]?.status).toBe('expired');
    expect(await list(ALICE, { status: 'active' })).toEqual([]);
  }, 60_000);

  it('lets the grantor, the grantee and admins revoke, nobody else, and only once', async () => {
    const one = await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read']);
    await expect(h.revoke(CLIENT, one)).rejects.toBeInstanceOf(GrantNotFoundError);
    await h.revoke(BOB, one);
    await expect(h.revoke(ALICE, one)).rejects.toBeInstanceOf(GrantNotActiveError);
    const two = await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read']);
    await h.revoke(ADMIN, two);
    expect((await list(ALICE)).map((g) => [g.status, g.endedAt])).toEqual([
      ['revoked', '2025-03-01T12:00:00.000Z'],
      ['revoked', '2025-03-01T12:00:00.000Z'],
    ]);
    await expect(h.revoke(ALICE, 'no-such-grant')).rejects.toBeInstanceOf(GrantNotFoundError);
  }, 60_000);

  it('the sweeper records AccessExpired once for grants past their time, at the time it is given', async () => {
    const due = await h.grant(
      ALICE,
      { kind: 'user', id: 'bob' },
      { sensorIds: [A_POWER] },
      ['read'],
      '2025-03-01T12:30:00.000Z',
    );
    await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_ENERGY] }, ['read'], '2025-03-02T00:00:00.000Z');
    const sweeper = new GrantExpirySweeper(b.store, b.db, clock);
    expect(await sweeper.sweep(new Date('2025-03-01T12:29:59.999Z'))).toBe(0);
    expect(await sweeper.sweep(new Date('2025-03-01T12:30:00.000Z'))).toBe(1);
    await project(b);
    expect(await sweeper.sweep(new Date('2025-03-01T12:31:00.000Z'))).toBe(0);
    const events = await b.store.readStream(`grant-${due}`);
    expect(events.map((e) => e.type)).toEqual(['AccessGranted', 'AccessExpired']);
    expect(events[1]?.data).toEqual({
      grantId: due,
      expiresAt: '2025-03-01T12:30:00.000Z',
      at: '2025-03-01T12:30:00.000Z',
    });
    expect((await list(BOB, { status: 'expired' })).map((g) => g.grantId)).toEqual([due]);
  }, 60_000);

  it('resolves the live-stream scope in memory: grants admit until revoked or expired, private sensors never', async () => {
    const t = Date.parse('2025-03-01T12:00:00.000Z');
    const grant = await h.grant(
      ALICE,
      { kind: 'user', id: 'bob' },
      { gatewayIds: ['gw-a'] },
      ['read'],
      '2025-03-01T13:00:00.000Z',
    );
    const scope = await h.policy.resolveSensorScope(BOB, 'read', [A_POWER, B_POWER]);
    expect(resolvedScopeAdmits(scope, A_READING, t)).toBe(true);
    expect(resolvedScopeAdmits(scope, { sensorId: B_POWER, nodeId: 'b-plug', gatewayId: 'gw-b' }, t)).toBe(true);
    expect(resolvedScopeAdmits(scope, A_READING, Date.parse('2025-03-01T13:00:00.000Z'))).toBe(false);
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(BOB, 'aggregate', [A_POWER]), A_READING, t)).toBe(
      true,
    );
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(CLIENT, 'read', [A_POWER]), A_READING, t)).toBe(false);
    await h.setVisibility(ALICE, A_POWER, 'private');
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(BOB, 'read', [A_POWER]), A_READING, t)).toBe(false);
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(ALICE, 'read', [A_POWER]), A_READING, t)).toBe(true);
    await h.setVisibility(ALICE, A_POWER, 'shared');
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(BOB, 'read', [A_POWER]), A_READING, t)).toBe(true);
    await h.revoke(ALICE, grant);
    expect(resolvedScopeAdmits(await h.policy.resolveSensorScope(BOB, 'read', [A_POWER]), A_READING, t)).toBe(false);
    expect(await h.policy.resolveSensorScope(ADMIN, 'read', [A_POWER])).toEqual({ kind: 'all' });
  }, 60_000);
});
