import { describeEachBackend, openBackend, type SqlBackend } from '#test/support/sql-backends.js';
import { GatewayNotFoundError } from '../../domain/gateways/gateway.errors.js';
import { NodeNotFoundError } from '../metering/query-readings/reading-query.errors.js';
import { NotAuthenticatedError, ObjectNotVisibleError } from './access.errors.js';
import { accessHandlers } from '#test/support/access-handlers.js';
import {
  A_ENERGY,
  A_POWER,
  ADMIN,
  ALICE,
  ANONYMOUS,
  B_POWER,
  BOB,
  CLIENT,
  seedTwoHomes,
  TestClock,
} from '#test/support/access-homes.js';

const ALL_SENSORS = [A_POWER, A_ENERGY, B_POWER];

describeEachBackend('two tenants on %s', (backendName) => {
  let b: SqlBackend;
  let clock: TestClock;
  let h: ReturnType<typeof accessHandlers>;

  beforeEach(async () => {
    b = await openBackend(backendName, 'two-tenants');
    await seedTwoHomes(b);
    clock = new TestClock(new Date('2025-03-01T12:00:00.000Z'));
    h = accessHandlers(b, clock);
  }, 90_000);
  afterEach(async () => {
    await b?.cleanup();
  }, 60_000);

  it('shows each owner only their own sensors, nodes and gateways; foreign ones answer like unknown ones', async () => {
    const latest = await h.latest(ALICE, [B_POWER, A_POWER, 'nobody/power']);
    expect(latest.items.map((r) => r.sensorId)).toEqual([A_POWER]);
    expect(latest.missing).toEqual([B_POWER, 'nobody/power']);
    expect((await h.sensors(ALICE)).map((s) => s.sensorId)).toEqual([A_ENERGY, A_POWER]);
    expect(await h.nodeIds(BOB)).toEqual(['b-plug']);
    await expect(h.node(ALICE, 'b-plug')).rejects.toThrow(new NodeNotFoundError('b-plug').message);
    expect(await h.gatewayIds(ALICE)).toEqual(['gw-a']);
    await expect(h.gateway(ALICE, 'gw-b')).rejects.toThrow(new GatewayNotFoundError('gw-b').message);
    expect(await h.series(BOB, [A_POWER], '1h')).toEqual({ points: {}, missing: [A_POWER] });
    expect(await h.visibleLatest(ADMIN, ALL_SENSORS)).toEqual(ALL_SENSORS);
    expect(await h.visibleLatest(CLIENT, ALL_SENSORS)).toEqual([]);
  }, 60_000);

  it('refuses anonymous callers outright', async () => {
    await expect(h.latest(ANONYMOUS, [A_POWER])).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(h.nodeIds(ANONYMOUS)).rejects.toBeInstanceOf(NotAuthenticatedError);
    await expect(h.gatewayIds(ANONYMOUS)).rejects.toBeInstanceOf(NotAuthenticatedError);
  }, 60_000);

  it('a read grant makes a sensor visible to its grantee (and its node), never its gateway; a revoke removes it on the next request', async () => {
    const grantId = await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read']);
    expect(await h.visibleLatest(BOB, ALL_SENSORS)).toEqual([A_POWER, B_POWER]);
    expect((await h.series(BOB, [A_POWER], 'raw')).points).toEqual({ [A_POWER]: 1 });
    expect((await h.series(BOB, [A_POWER], '1h')).points).toEqual({ [A_POWER]: 1 });
    expect(await h.nodeIds(BOB)).toEqual(['a-meter', 'b-plug']);
    expect(await h.node(BOB, 'a-meter')).toMatchObject({ sensorIds: [A_POWER] });
    await expect(h.gateway(BOB, 'gw-a')).rejects.toBeInstanceOf(GatewayNotFoundError);
    await h.revoke(ALICE, grantId);
    expect(await h.visibleLatest(BOB, ALL_SENSORS)).toEqual([B_POWER]);
    await expect(h.node(BOB, 'a-meter')).rejects.toBeInstanceOf(NodeNotFoundError);
  }, 60_000);

  it('an aggregate grant on a gateway gives an API client buckets of every sensor under it, but no raw or latest values', async () => {
    await h.grant(ALICE, { kind: 'client', id: 'c-1' }, { gatewayIds: ['gw-a'] }, ['aggregate']);
    expect(await h.series(CLIENT, [A_POWER, B_POWER], '1h')).toEqual({ points: { [A_POWER]: 1 }, missing: [B_POWER] });
    expect(await h.series(CLIENT, [A_POWER], 'raw')).toEqual({ points: {}, missing: [A_POWER] });
    expect(await h.visibleLatest(CLIENT, ALL_SENSORS)).toEqual([]);
    const listed = await h.sensors(CLIENT);
    expect(listed.map((s) => [s.sensorId, s.lastValue])).toEqual([
      [A_ENERGY, null],
      [A_POWER, null],
    ]);
  }, 60_000);

  it('a node grant covers the sensors of that node only', async () => {
    await h.grant(ALICE, { kind: 'user', id: 'bob' }, { nodeIds: ['a-meter'] }, ['read']);
    expect(await h.visibleLatest(BOB, ALL_SENSORS)).toEqual([A_POWER, A_ENERGY, B_POWER]);
  }, 60_000);

  it('an expired grant is invisible at once, before any sweep', async () => {
    await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read'], '2025-03-01T13:00:00.000Z');
    expect(await h.visibleLatest(BOB, [A_POWER])).toEqual([A_POWER]);
    clock.set('2025-03-01T13:00:00.000Z');
    expect(await h.visibleLatest(BOB, [A_POWER])).toEqual([]);
    expect((await h.series(BOB, [A_POWER], '1h')).missing).toEqual([A_POWER]);
  }, 60_000);

  it('private visibility overrides grants but not the owner; public_aggregate gives buckets to anyone signed in, not raw', async () => {
    await h.grant(ALICE, { kind: 'user', id: 'bob' }, { gatewayIds: ['gw-a'] }, ['read']);
    expect(await h.setVisibility(ALICE, A_POWER, 'private')).toEqual({
      sensorId: A_POWER,
      visibility: 'private',
      changed: true,
    });
    expect(await h.visibleLatest(BOB, [A_POWER, A_ENERGY])).toEqual([A_ENERGY]);
    expect(await h.visibleLatest(ALICE, [A_POWER])).toEqual([A_POWER]);
    await h.setVisibility(ALICE, A_POWER, 'public_aggregate');
    expect((await h.series(CLIENT, [A_POWER], '1h')).points).toEqual({ [A_POWER]: 1 });
    expect((await h.series(CLIENT, [A_POWER], 'raw')).missing).toEqual([A_POWER]);
    expect(await h.visibleLatest(CLIENT, [A_POWER])).toEqual([]);
    await expect(h.series(ANONYMOUS, [A_POWER], '1h')).rejects.toBeInstanceOf(NotAuthenticatedError);
  }, 60_000);

  it('owners grant and set visibility only over what they own; admins over anything', async () => {
    await expect(h.grant(BOB, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['read'])).rejects.toBeInstanceOf(
      ObjectNotVisibleError,
    );
    await expect(h.grant(BOB, { kind: 'user', id: 'bob' }, { gatewayIds: ['gw-b', 'gw-a'] }, ['read'])).rejects.toThrow(
      'gateway gw-a not found',
    );
    await expect(h.grant(BOB, { kind: 'user', id: 'bob' }, { nodeIds: ['nowhere'] }, ['read'])).rejects.toThrow(
      'node nowhere not found',
    );
    await expect(
      h.grant(CLIENT, { kind: 'user', id: 'bob' }, { gatewayIds: ['gw-a'] }, ['read']),
    ).rejects.toBeInstanceOf(ObjectNotVisibleError);
    await expect(h.setVisibility(BOB, A_POWER, 'shared')).rejects.toBeInstanceOf(ObjectNotVisibleError);
    await expect(h.grant(ALICE, { kind: 'user', id: 'mallory' }, { gatewayIds: ['gw-a'] }, ['read'])).rejects.toThrow(
      'grantee user mallory does not exist',
    );
    await h.grant(ADMIN, { kind: 'client', id: 'c-1' }, { gatewayIds: ['gw-b'] }, ['read']);
    expect(await h.visibleLatest(CLIENT, ALL_SENSORS)).toEqual([B_POWER]);
  }, 60_000);

  it('checks single rights through assertSensorRight, command separately from read', async () => {
    await h.grant(ALICE, { kind: 'user', id: 'bob' }, { sensorIds: [A_POWER] }, ['command']);
    await expect(h.policy.assertSensorRight(BOB, A_POWER, 'command')).resolves.toBeUndefined();
    await expect(h.policy.assertSensorRight(BOB, A_POWER, 'read')).rejects.toBeInstanceOf(ObjectNotVisibleError);
    await expect(h.policy.assertSensorRight(BOB, A_ENERGY, 'command')).rejects.toBeInstanceOf(ObjectNotVisibleError);
    await expect(h.policy.assertGatewayOwner(BOB, 'gw-a')).rejects.toBeInstanceOf(ObjectNotVisibleError);
    await expect(h.policy.assertGatewayOwner(ALICE, 'gw-a')).resolves.toBeUndefined();
  }, 60_000);
});
