import Fastify, { type FastifyInstance } from 'fastify';
import { selectEvents } from '../src/application/market/grid-signals-read-model/grid-signals.sql.js';
import { PgDatabase } from '../src/infrastructure/postgres/pg-database.js';
import { RUN_APPLICATION_NAME } from './cpu-per-unit.js';

/**
 * The baseline of `bench openadr`: a bare Fastify handler answering `GET /openadr3/3.1.0/events?programID=` with
 * the platform's own query (`selectEvents`, the same SQL text and row mapping) for a fixed provider, with no
 * authentication, no scope check, no Nest.
 */
export async function startBareEventsServer(
  connectionString: string,
  schema: string,
  poolSize: number,
  providerId: string,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const db = new PgDatabase(connectionString, { schema, max: poolSize, applicationName: RUN_APPLICATION_NAME });
  const app: FastifyInstance = Fastify({ logger: false });
  app.get('/openadr3/3.1.0/events', async (request) => {
    const query = request.query as { programID?: string };
    return selectEvents(db, {
      providerId,
      ...(query.programID !== undefined ? { programId: query.programID } : {}),
      skip: 0,
      limit: 50,
    });
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
