import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import type { SensorScope } from '../src/application/access/sensor-scope/sensor-access.port.js';
import {
  latestReadingsSql,
  toReading,
  type LatestRow,
} from '../src/application/metering/query-readings/latest-readings/get-latest-readings.handler.js';

/**
 * The baselines of `bench api`: a bare Fastify handler answering the same URL with no authentication, no
 * validation pipe and no Nest. `scopeOf` says which SQL it runs: the platform's own statement for the caller's
 * scope (built by the same function, so the text and parameters are identical — "the same SQL query"), or, with
 * `{ kind: 'all' }`, the SELECT without any access condition. Rows become readings with the handler's own mapping.
 */
export interface BareLatestServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startBareLatestServer(
  connectionString: string,
  poolSize: number,
  scopeOf: () => SensorScope,
): Promise<BareLatestServer> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  const app: FastifyInstance = Fastify({ logger: false });
  app.get('/api/readings/latest', async (request) => {
    const query = request.query as { sensor?: string | string[] };
    const wanted = query.sensor === undefined ? [] : Array.isArray(query.sensor) ? query.sensor : [query.sensor];
    const { text, params } = latestReadingsSql(scopeOf(), wanted);
    const { rows } = await pool.query<LatestRow>(text, params);
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
