import { randomUUID } from 'node:crypto';
import {
  insertBuckets,
  insertLatest,
  insertNodes,
  insertRaw,
  aReading,
} from '../fixtures/readings-read-model.fixtures.js';
import type { SqlBackend } from './sql-backends.js';
import { InMemoryPrincipalDirectory } from './in-memory-principal-directory.js';
import type { Principal } from '../../src/domain/access/principal.js';
import { aRegisteredGateway } from '#test/builders/gateways.js';
import type { Clock } from '../../src/application/ports/clock.port.js';
import { catchUpOnce } from '../../src/application/projections/catch-up-once.js';
import { gatewayStatusProjection } from '../../src/application/gateways/gateway-status-read-model/gateway-status.projection.js';
import { accessProjection } from '../../src/application/access/access-read-model/access.projection.js';
import { ownershipPeriodsProjection } from '../../src/application/access/ownership-periods-read-model/ownership-periods.projection.js';

/*
 * Two homes for the access specs: alice owns gateway gw-a (node a-meter, sensors a-meter/power and
 * a-meter/energy), bob owns gw-b (node b-plug, sensor b-plug/power). Principals are built directly, as the
 * authentication guard will build them from credentials.
 */

export const ALICE: Principal = { kind: 'user', userId: 'alice', role: 'user' };
export const BOB: Principal = { kind: 'user', userId: 'bob', role: 'user' };
export const CLIENT: Principal = { kind: 'client', clientId: 'c-1', organisation: 'Energy Co' };
export const ADMIN: Principal = { kind: 'user', userId: 'root', role: 'admin' };
export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const A_POWER = 'a-meter/power';
export const A_ENERGY = 'a-meter/energy';
export const B_POWER = 'b-plug/power';

export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return this.current;
  }
  set(at: string): void {
    this.current = new Date(at);
  }
}

export function directory(): InMemoryPrincipalDirectory {
  return new InMemoryPrincipalDirectory([
    { kind: 'user', id: 'alice' },
    { kind: 'user', id: 'bob' },
    { kind: 'client', id: 'c-1' },
  ]);
}

/** Registers both gateways in the store and writes their readings rows straight into the read model. */
export async function seedTwoHomes(b: SqlBackend): Promise<void> {
  for (const [gatewayId, ownerId] of [
    ['gw-a', 'alice'],
    ['gw-b', 'bob'],
  ] as const) {
    const registered = aRegisteredGateway({
      gatewayId,
      name: gatewayId,
      networkType: 'dsmr',
      address: 'p1',
      description: '',
      location: { lat: 0, lon: 0, label: '' },
      ownerId,
      registeredAt: '2025-03-01T00:00:00.000Z',
    });
    await b.store.append(`gateway-${gatewayId}`, [{ id: randomUUID(), ...registered, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
  }
  await insertLatest(b.db, [
    aReading({ sensorId: A_POWER, nodeId: 'a-meter', gatewayId: 'gw-a' }),
    aReading({ sensorId: A_ENERGY, nodeId: 'a-meter', gatewayId: 'gw-a', quantity: 'energyImported', unit: 'kWh' }),
    aReading({ sensorId: B_POWER, nodeId: 'b-plug', gatewayId: 'gw-b' }),
  ]);
  await insertNodes(b.db, [
    { nodeId: 'a-meter', gatewayId: 'gw-a', status: 'joined' },
    { nodeId: 'b-plug', gatewayId: 'gw-b', status: 'joined' },
  ]);
  await insertRaw(b.db, [
    { sensorId: A_POWER, measuredAt: '2025-03-01T10:00:00.000Z', value: 5, gatewayId: 'gw-a' },
    { sensorId: B_POWER, measuredAt: '2025-03-01T10:00:00.000Z', value: 7, gatewayId: 'gw-b' },
  ]);
  await insertBuckets(b.db, [
    {
      sensorId: A_POWER,
      width: '1h',
      start: '2025-03-01T10:00:00Z',
      quantity: 'power',
      unit: 'W',
      count: 1,
      sum: 5,
      min: 5,
      max: 5,
    },
    {
      sensorId: B_POWER,
      width: '1h',
      start: '2025-03-01T10:00:00Z',
      quantity: 'power',
      unit: 'W',
      count: 1,
      sum: 7,
      min: 7,
      max: 7,
    },
  ]);
  await project(b);
}

/**
 * Waits until every stored event is readable: on a shared Postgres, other sessions' open transactions hold back the
 * point up to which the store reads (see ADR 0003), so a fresh append may stay invisible for a moment.
 */
export async function settled(b: SqlBackend): Promise<void> {
  const deadline = Date.now() + 50_000;
  for (;;) {
    const [row] = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    if ((await b.store.countAfter(null)) >= Number(row?.n ?? 0)) return;
    if (Date.now() > deadline) throw new Error('stored events did not become readable within 50 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Applies every access, ownership and gateway event stored so far. */
export async function project(b: SqlBackend): Promise<void> {
  await settled(b);
  await catchUpOnce(b.store, b.db, accessProjection, 1000);
  await catchUpOnce(b.store, b.db, ownershipPeriodsProjection, 1000);
  await catchUpOnce(b.store, b.db, gatewayStatusProjection, 1000);
}
