import { randomBytes } from 'node:crypto';
import { OadrWebhookCallbacks } from '../../src/infrastructure/webhooks/oadr-callbacks.adapter.js';
import { WebhookClient } from '../../src/infrastructure/webhooks/webhook-client.js';
import { RenderedDayMemory } from '../../src/application/metering/query-readings/reading-series/rendered-day-memory.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { DATA_ACCESS_LOG_OPTIONS } from '../../src/application/access/record-data-access/buffered-data-access-recorder.js';
import {
  PRINCIPAL_DIRECTORY,
  type PrincipalDirectory,
} from '../../src/application/access/ports/principal-directory.port.js';
import { findProjections, projectionCatalog } from '../../src/application/projections/projection-catalog.js';
import { ReplayJobs } from '../../src/application/projections/replay-jobs.js';
import { ProjectionSupervisor } from '../../src/application/projections/projection-supervisor.js';
import type { Principal } from '../../src/domain/access/principal.js';
import { openStorage, type Storage } from '../../src/infrastructure/composition/storage.js';
import { masterKeyId } from '../../src/infrastructure/crypto/master-key.js';
import { PostgresKeyVault } from '../../src/infrastructure/crypto/postgres-key-vault.adapter.js';
import { decoderLookup } from '../../src/infrastructure/protocols/payload-decoders.js';
import { GatewayCommandLink } from '../../src/interfaces/gateway-link/gateway-command-link.js';
import { GatewayCommands } from '../../src/interfaces/gateway-link/gateway-commands.js';
import { AppModule } from '../../src/interfaces/http/app.module.js';
import { startAccessRuntime } from '../../src/interfaces/http/access/access-runtime.js';
import { configureHttpPipeline } from '../../src/interfaces/http/http-pipeline.js';
import { AuthenticationGuard } from '../../src/interfaces/http/access/authentication.guard.js';
import type { AuthenticatedRequest } from '../../src/interfaces/http/access/current-principal.js';
import { createMetricsRegistry } from '../../src/interfaces/http/metrics/metrics.js';

/** Test-only header naming the caller: `user:<id>`, `admin:<id>` or `client:<id>`; absent is unauthenticated. */
export const TEST_PRINCIPAL_HEADER = 'x-test-principal';

function principalFrom(header: string | undefined): Principal | null {
  const match = /^(user|admin|client):(.+)$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return null;
  if (match[1] === 'client') return { kind: 'client', clientId: match[2], organisation: 'test' };
  return { kind: 'user', userId: match[2], role: match[1] === 'admin' ? 'admin' : 'user' };
}

/** Stands in for the authentication guard in HTTP specs: the principal comes straight from a header. */
@Injectable()
class TestPrincipalGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[TEST_PRINCIPAL_HEADER];
    const principal = principalFrom(Array.isArray(header) ? header[0] : header);
    if (!principal) throw new UnauthorizedException('no test principal');
    request.principal = principal;
    return true;
  }
}

export interface PrincipalApi {
  readonly url: string;
  readonly storage: Storage;
  call(as: string | null, method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** The real app (embedded storage, projections running) with the test guard in place of token checks. */
export async function startPrincipalApi(
  label: string,
  directory: PrincipalDirectory,
  flushMs = 100,
): Promise<PrincipalApi> {
  const dataDir = mkdtempSync(join(tmpdir(), `wattlog-${label}-`));
  const storage = await openStorage({ store: 'embedded', dataDir });
  const projections = new ProjectionSupervisor(
    storage.eventStore,
    storage.readModels,
    projectionCatalog({ decoders: decoderLookup() }),
    {
      batchSize: 1000,
      idleMs: 50,
      standbyMs: 2000,
      onError: () => undefined,
    },
  );
  const key = randomBytes(32);
  const adminToken = randomBytes(32).toString('hex');
  const access = await startAccessRuntime(
    storage.eventStore,
    storage.readModels,
    { adminToken, jwtKey: randomBytes(32) },
    () => undefined,
  );
  const gatewayCommands = new GatewayCommands();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.with({
        storage,
        projections,
        replays: new ReplayJobs(
          storage.eventStore,
          storage.readModels,
          (name) => findProjections(name, { decoders: decoderLookup() }),
          { batchSize: 1000, partitions: 1, now: () => Date.now() },
        ),
        metrics: createMetricsRegistry(projections),
        adminToken,
        access,
        // No link in these specs: a poke has no dispatcher to wake.
        actuatorDispatch: { poke: () => undefined },
        keyVault: new PostgresKeyVault(storage.readModels, { key, id: masterKeyId(key), source: 'test' }),
        // No gateway ever connects here: network configuration requests wait, and nothing sends them.
        networkLink: new GatewayCommandLink(gatewayCommands),
        networkConfigurationSending: { poke: () => undefined },
        callbackVerifier: new OadrWebhookCallbacks(new WebhookClient({ allowHosts: new Set(['127.0.0.1']) })),
        seriesDays: new RenderedDayMemory(),
      }),
    ],
  })
    .overrideGuard(AuthenticationGuard)
    .useClass(TestPrincipalGuard)
    .overrideProvider(PRINCIPAL_DIRECTORY)
    .useValue(directory)
    .overrideProvider(DATA_ACCESS_LOG_OPTIONS)
    .useValue({ flushMs, maxEntries: 1000 })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  // The production pipeline (validation, problem answers for every error, security headers), without rate limits.
  configureHttpPipeline(app, { https: false });
  await app.listen(0, '127.0.0.1');
  projections.start();
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    storage,
    call: (as, method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: {
          ...(as ? { [TEST_PRINCIPAL_HEADER]: as } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    close: async () => {
      await app.close();
      await access.stop();
      await projections.stop();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
