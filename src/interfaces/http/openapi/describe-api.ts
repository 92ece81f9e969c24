import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../app.module.js';
import type { AppRuntime } from '../shared/runtime.module.js';
import { ACCESS_PROVIDER_TOKENS } from '../access/access-runtime.js';
import { API_VERSION } from '../http-pipeline.js';
import { buildOpenApiDocument } from './openapi-document.js';

/**
 * Stands in for storage, supervisor and the rest while Nest's preview mode reads the module: preview mode resolves
 * the provider graph but instantiates nothing, so none of this is ever called. Any real use fails loudly.
 */
function unopenedRuntime(): AppRuntime {
  const handler: ProxyHandler<() => void> = {
    get: (_, key) => (key === 'then' ? undefined : placeholder),
    apply: () => {
      throw new Error('the runtime is not open while the API is only being described');
    },
  };
  const placeholder: unknown = new Proxy(() => undefined, handler);
  const access = { providers: ACCESS_PROVIDER_TOKENS.map((provide) => ({ provide, useValue: placeholder })) };
  return new Proxy(
    {},
    { get: (_, key) => (key === 'access' ? access : key === 'then' ? undefined : placeholder) },
  ) as AppRuntime;
}

/** The same document GET /openapi.json serves, built without storage or a listening socket. */
export async function describeApi(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.with(unopenedRuntime()),
    new FastifyAdapter(),
    {
      preview: true,
      logger: ['error'],
    },
  );
  try {
    return buildOpenApiDocument(app, API_VERSION);
  } finally {
    await app.close();
  }
}
