import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_SCHEME, PATH_SUFFIX_MARK, PUBLIC_MARK, problemResponse } from './api-docs.decorators.js';
import { FieldViolationSchema, ProblemSchema } from './problem.schema.js';

const DESCRIPTION = [
  'Wattlog: event-sourced smart-energy platform. Every error answer is `application/problem+json` (RFC 9457).',
  'Requests are rate limited per principal (per client address when anonymous): see the `RateLimit-*` headers.',
].join('\n\n');

/**
 * The OpenAPI 3 document of the running routes, built from the controllers' decorators and the DTOs. Every
 * operation must name its operationId explicitly (see docs/http-api.md); wildcard routes (`/api/nodes/*`) appear with
 * the parameter their controller documents.
 */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Wattlog API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This server')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', description: 'The admin token, or a token the auth endpoints issue' },
      BEARER_SCHEME,
    )
    .addGlobalResponse(problemResponse(429), problemResponse(500))
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemSchema, FieldViolationSchema],
    operationIdFactory: (controller, method) => `${controller}_${method}`,
  });
  const paths = Object.entries(document.paths).flatMap(([path, item]) => namedWildcard(path, item));
  return {
    ...document,
    paths: Object.fromEntries(paths.map(([path, item]) => [path, mapOperations(item, finishOperation)])),
  };
}

type PathItem = OpenAPIObject['paths'][string];
type Parameter = { name?: string; in?: string };
type Operation = Record<string, unknown> & { parameters?: Parameter[] };

// OpenAPI ignores header parameters with these names (they are described by content types and security schemes).
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function mapOperations(item: PathItem, map: (operation: Operation) => Operation): PathItem {
  return Object.fromEntries(
    Object.entries(item).map(([key, value]) => [
      key,
      typeof value === 'object' && value !== null && 'responses' in value ? map(value as Operation) : value,
    ]),
  ) as PathItem;
}

/** `@ApiPublic()` becomes an explicit empty security requirement; `@Headers('accept')` is not a parameter. */
function finishOperation(operation: Operation): Operation {
  const { [PUBLIC_MARK]: isPublic, ...rest } = operation;
  const parameters = (rest.parameters ?? []).filter(
    (p) => !(p.in === 'header' && RESERVED_HEADERS.has((p.name ?? '').toLowerCase())),
  );
  return { ...rest, parameters, ...(isPublic === true ? { security: [] } : {}) };
}

/**
 * A `@Get('*')` route comes out as `/…/{path}` with a parameter named `*`. The operation's own `@ApiParam` names
 * the wildcard (`nodeId`); the path takes that name and the `*` parameter goes. An operation marked with
 * `API_PATH_SUFFIX` is served only for ids ending in that suffix, so its documented path goes on after the parameter
 * (`/api/sensors/{sensorId}/visibility`) and it moves to a path item of its own.
 */
function namedWildcard(path: string, item: PathItem): [string, PathItem][] {
  if (!path.endsWith('/{path}')) return [[path, item]];
  const byPath = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== 'object' || value === null || !('responses' in value)) continue;
    const { [PATH_SUFFIX_MARK]: suffix, ...op } = value as Operation;
    const parameters = (op.parameters ?? []).filter((p) => p.name !== '*');
    const declared = parameters.find((p) => p.in === 'path' && !path.includes(`{${p.name ?? ''}}`));
    const named = `${path.replace(/\{path\}$/, `{${declared?.name ?? 'path'}}`)}${typeof suffix === 'string' ? suffix : ''}`;
    byPath.set(named, { ...(byPath.get(named) ?? {}), [key]: { ...op, parameters } });
  }
  return [...byPath.entries()].map(([named, operations]) => [named, operations as PathItem]);
}
