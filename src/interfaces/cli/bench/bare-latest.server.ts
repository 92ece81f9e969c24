import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { toReading, type LatestRow } from '../../../application/metering/query-readings/latest-readings/get-latest-readings.handler.js';

/**
 * The baseline of `bench api`: a bare Fastify handler answering the same URL with the same SELECT on
 * readings_latest, with no authentication, no access policy, no validation pipe and no Nest — what the platform's
 * own work per request is compared with. Rows become readings with the handler's own mapping.
 */
export interface BareLatestServer {
  readonly url: string;
  close(): Promise<void>;
}

const SQL = `SELECT sensor_id, node_id, gateway_id, quantity, unit, value,
                    (extract(epoch FROM measured_at) * 1000)::float8 AS measured_at,
                    (extract(epoch FROM received_at) * 1000)::float8 AS received_at, phase, tariff, source
               FROM readings_latest WHERE sensor_id = ANY($1::text[])`;

export async function startBareLatestServer(connectionString: string, poolSize: number): Promise<BareLatestServer> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const app: FastifyInstance = Fastify({ logger: false });
  app.get('/api/readings/latest', async (request) => {
    const query = request.query as { sensor?: string | string[] };
    const wanted = query.sensor === undefined ? [] : Array.isArray(query.sensor) ? query.sensor : [query.sensor];
    const { rows } = await pool.query<LatestRow>(SQL, [wanted]);
    const found = new Set(rows.map((r) => r.sensor_id));
    return {
      items: rows.map(toReading),
      missing: wanted.filter((id) => !found.has(id)),
    };
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}
