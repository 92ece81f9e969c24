import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/interfaces/http/http-server.js';

export interface MarketHome {
  readonly gatewayId: string;
  /** A plug's switch (what an owner enrolls). */
  readonly plugId: string;
  /** An energyImported counter that read every quarter hour from `MEASURED_FROM`. */
  readonly meterId: string;
}

/** The day the seeded meter readings cover (UTC). */
export const MEASURED_FROM = '2026-12-08T00:00:00.000Z';

/**
 * A gateway of `ownerId`, registered through the API, that has reported a plug's switch state and an energy counter
 * every quarter hour for two hours (0.25 kWh more each time, 0.5 kWh in the fourth), as ReadingsReported events the
 * projections turn into read models.
 */
export async function aMarketHome(
  server: RunningServer,
  adminToken: string,
  ownerId: string,
  name: string,
): Promise<MarketHome> {
  const gatewayId = `gw-market-${name}`;
  const registered = await fetch(`${server.url}/api/gateways`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      id: gatewayId,
      name: `Home ${name}`,
      networkType: 'zigbee',
      address: '192.0.2.1',
      location: { lat: 52, lon: 5 },
      ownerId,
    }),
  });
  if (registered.status !== 201) throw new Error(`registering ${gatewayId}: ${registered.status}`);
  const plugNode = `zigbee:0x00000000000${name}01`;
  const meterNode = `dsmr:${name}`;
  const plugId = `${plugNode}/1/switchState`;
  const meterId = `${meterNode}/energyImported`;
  const start = Date.parse(MEASURED_FROM);
  let counter = 1000;
  const readings = Array.from({ length: 9 }, (_, i) => {
    if (i > 0) counter += i === 4 ? 0.5 : 0.25;
    return {
      sensorId: meterId,
      nodeId: meterNode,
      quantity: 'energyImported',
      unit: 'kWh',
      value: counter,
      measuredAt: new Date(start + i * 900_000).toISOString(),
      source: { protocol: 'dsmr' },
    };
  });
  const plug = {
    sensorId: plugId,
    nodeId: plugNode,
    quantity: 'switchState',
    unit: '1',
    value: 1,
    measuredAt: MEASURED_FROM,
    source: { protocol: 'zigbee', cluster: 'genOnOff' },
  };
  const receivedAt = new Date(start + 9 * 900_000).toISOString();
  await server.storage.eventStore.append(
    `readings-${gatewayId}`,
    [
      {
        id: randomUUID(),
        type: 'ReadingsReported',
        data: { gatewayId, sequence: 0, networkType: 'zigbee', readings: [plug, ...readings], receivedAt },
        metadata: { schemaVersion: 2 },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  server.projections.poke();
  return { gatewayId, plugId, meterId };
}

/** A report the platform wrote as the ven `venId` on `eventId`, straight into the log (its writer comes with M&V). */
export async function aSubmittedReport(
  server: RunningServer,
  report: { reportId: string; providerId: string; programId: string; eventId: string; venId: string; venName: string },
): Promise<void> {
  const { reportId, providerId, programId, eventId, venId, venName } = report;
  const data = {
    reportId,
    enrollmentId: 'en',
    venId,
    programId,
    providerId,
    clientId: 'wattlog-platform-ven',
    content: {
      eventID: eventId,
      clientName: venName,
      resources: [
        { resourceName: 'AGGREGATED_REPORT', intervals: [{ id: 0, payloads: [{ type: 'USAGE', values: [0.5] }] }] },
      ],
    },
    at: '2026-12-08T03:00:00.000Z',
  };
  await server.storage.eventStore.append(
    `ven-report-${reportId}`,
    [{ id: randomUUID(), type: 'VenReportSubmitted', data, metadata: { schemaVersion: 1 } }],
    { expectedRevision: 'no_stream' },
  );
  server.projections.poke();
}
