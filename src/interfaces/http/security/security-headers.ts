import type { ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DOCS_PATH, OPENAPI_PATH } from '../openapi/serve-openapi.js';

// API answers are data, never a page: nothing may load, frame or submit from them.
const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";
// Swagger UI runs its own bundle; React sets style attributes and the CSS embeds data: images.
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HSTS = 'max-age=31536000; includeSubDomains';

const COMMON: readonly [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'no-referrer'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
];

function isDocs(url: string): boolean {
  return url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`) || url.startsWith(`${DOCS_PATH}?`);
}

/**
 * Security headers on every answer, errors and Server-Sent Events included: they go on the raw response at
 * onRequest, which Node merges into whatever head is written later (a controller's own header of the same name
 * wins). API answers are `no-store`: they are per caller and mostly need a token. HSTS only when this server
 * speaks TLS itself; behind a TLS-terminating proxy the proxy sets it.
 */
export function installSecurityHeaders(app: NestFastifyApplication, options: { readonly https: boolean }): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      setSecurityHeaders(reply.raw, request.url, options.https);
      done();
    });
}

/** The same headers, for answers written before any hook runs (the router's and the connection's own errors). */
export function securityHeaders(url: string, https: boolean): [string, string][] {
  const docs = isDocs(url);
  return [
    ...COMMON,
    ['content-security-policy', docs ? DOCS_CSP : API_CSP],
    ['cache-control', docs || url === OPENAPI_PATH ? 'no-cache' : 'no-store'],
    ...(https ? ([['strict-transport-security', HSTS]] as [string, string][]) : []),
  ];
}

function setSecurityHeaders(raw: ServerResponse, url: string, https: boolean): void {
  for (const [name, value] of securityHeaders(url, https)) raw.setHeader(name, value);
}
