import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/interfaces/http/http-server.js';
import { aClientWithToken, type TestClient } from '../support/access.js';

/** The market as the matrix rows need it: a utility's program, and tenant A's owner enrolled in programs. */
export interface MarketFixtures {
  /** A price program of the matrix's utility (the same one each time), with one price event. */
  program(): Promise<string>;
  /** A new program, for rows that enroll (one live enrollment per owner and program). */
  freshProgram(): Promise<string>;
  /** Tenant A's owner enrolled in `program()` with the tenant's sensor (the same enrollment each time). */
  enrollment(): Promise<string>;
  /** A new enrollment of tenant A's owner, in a new program, for rows that pause or end one. */
  freshEnrollment(): Promise<string>;
  /** An energy counter on tenant A's gateway, read every quarter hour on 2026-12-08 00:00–01:00 UTC. */
  meter(): Promise<string>;
  /** The ids `program()` and `enrollment()` resolved to, once they have (for listings, which are synchronous). */
  readonly known: { program: string; enrollment: string };
}

const memo = <T>(make: () => Promise<T>): (() => Promise<T>) => {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
};

export function marketFixtures(
  server: RunningServer,
  adminToken: string,
  ownerA: Readonly<Record<string, string>>,
  tenantA: { readonly gatewayId: string; readonly sensorId: string },
): MarketFixtures {
  const utility = memo<TestClient>(() => aClientWithToken(server.url, adminToken, 'Matrix grid', { role: 'bl' }));
  const openadr = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${server.url}/openadr3/3.1.0${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${(await utility()).accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const freshProgram = async (): Promise<string> => {
    const programId = await openadr('/programs', { programName: `matrix-${randomUUID()}` });
    await openadr('/events', {
      programID: programId,
      intervalPeriod: { start: '2026-12-08T00:00:00Z', duration: 'PT1H' },
      payloadDescriptors: [
        { objectType: 'EVENT_PAYLOAD_DESCRIPTOR', payloadType: 'PRICE', units: 'KWH', currency: 'EUR' },
      ],
      intervals: [{ id: 0, payloads: [{ type: 'PRICE', values: [0.3] }] }],
    });
    return programId;
  };
  const enroll = async (programId: string): Promise<string> => {
    const response = await fetch(`${server.url}/api/market/enrollments`, {
      method: 'POST',
      headers: { ...ownerA, 'content-type': 'application/json' },
      body: JSON.stringify({ programId, sensorIds: [tenantA.sensorId], allowDispatch: false, shareReports: 'none' }),
    });
    if (response.status !== 201) throw new Error(`enrolling answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const known = { program: '', enrollment: '' };
  const program = memo(async () => (known.program = await freshProgram()));
  const meter = memo(async () => {
    const meterId = `dsmr:matrix-${tenantA.gatewayId}/energyImported`;
    const start = Date.parse('2026-12-08T00:00:00Z');
    const readings = [0, 1, 2, 3, 4].map((i) => ({
      sensorId: meterId,
      nodeId: `dsmr:matrix-${tenantA.gatewayId}`,
      quantity: 'energyImported',
      unit: 'kWh',
      value: 500 + i * 0.25,
      measuredAt: new Date(start + i * 900_000).toISOString(),
      source: { protocol: 'dsmr' },
    }));
    const data = {
      gatewayId: tenantA.gatewayId,
      sequence: 100,
      networkType: 'zigbee',
      readings,
      receivedAt: '2026-12-08T01:00:00.000Z',
    };
    await server.storage.eventStore.append(
      `readings-${tenantA.gatewayId}`,
      [{ id: randomUUID(), type: 'ReadingsReported', data, metadata: { schemaVersion: 2 } }],
      { expectedRevision: 'any' },
    );
    server.projections.poke();
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const rows = await server.storage.readModels.query('SELECT 1 FROM readings_latest WHERE sensor_id = $1', [
        meterId,
      ]);
      if (rows.length > 0) return meterId;
      server.projections.poke();
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`meter ${meterId} never reached the read model`);
  });
  return {
    program,
    freshProgram,
    enrollment: memo(async () => (known.enrollment = await enroll(await program()))),
    freshEnrollment: async () => enroll(await freshProgram()),
    meter,
    known,
  };
}
