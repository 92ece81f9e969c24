import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

/** The Swagger UI files the page loads, with their media types; nothing else of the package is reachable. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

// No inline script or style, so the page runs under a CSP without 'unsafe-inline' for scripts.
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Wattlog API</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
<link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-32x32.png" sizes="32x32">
<link rel="icon" type="image/png" href="${DOCS_PATH}/favicon-16x16.png" sizes="16x16">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
<script src="${DOCS_PATH}/wattlog-init.js"></script>
</body>
</html>
`;

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '${OPENAPI_PATH}',
    dom_id: '#swagger-ui',
    deepLinking: true,
    displayOperationId: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

function swaggerUiDirectory(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

/**
 * GET /openapi.json and the Swagger UI at /docs, its assets read once from the installed swagger-ui-dist package
 * (no CDN). Public: the document describes the API, it holds no data.
 */
export function serveOpenApi(app: NestFastifyApplication, document: OpenAPIObject): void {
  const fastify = app.getHttpAdapter().getInstance();
  const json = JSON.stringify(document);
  fastify.get(OPENAPI_PATH, (_, reply) => reply.type('application/json; charset=utf-8').send(json));
  fastify.get(DOCS_PATH, (_, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get(`${DOCS_PATH}/wattlog-init.js`, (_, reply) => reply.type('text/javascript; charset=utf-8').send(INIT));
  for (const [file, type] of Object.entries(ASSETS)) {
    // Read on first use: most servers never show the page, and the bundle is over a megabyte.
    let content: Buffer | undefined;
    fastify.get(`${DOCS_PATH}/${file}`, (_, reply) =>
      reply.type(type).send((content ??= readFileSync(join(swaggerUiDirectory(), file)))),
    );
  }
}
