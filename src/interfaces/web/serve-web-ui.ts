import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply } from 'fastify';
import { answerFrameworkError } from '../http/input-boundary/connection-errors.js';

/**
 * The page may only run the bundle it was served with: no inline script, no eval, no other origin. Styles set
 * through the CSSOM (charts, Preact style props) are not covered by style-src, so no 'unsafe-inline' is needed.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Where `vite build` put the UI: beside the compiled server (dist/web), or dist/web seen from the sources. */
export function webRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env.WATTLOG_WEB_DIR, join(here, '../../../web'), join(here, '../../../dist/web')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html'))) ?? null;
}

// On the reply, so they win over the API's defaults that the security-headers hook put on the raw response.
function uiHeaders(reply: FastifyReply, cache: string): void {
  void reply.header('content-security-policy', UI_CSP).header('cache-control', cache);
}

/** A path the single-page app routes itself: not the API, not a file name (a missing asset stays a 404). */
function isPageRoute(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/**
 * The wildcard below is a route every GET can fall back to, so the router no longer refuses an /api path parameter
 * over its length by itself (it tries the wildcard instead): the same 414 is answered here.
 */
function overlongParameter(url: string, maxParamLength: number): FastifyError | null {
  const path = url.split('?', 1)[0] ?? '';
  if (!(path === '/api' || path.startsWith('/api/'))) return null;
  if (!path.split('/').some((segment) => segment.length > maxParamLength)) return null;
  return Object.assign(new Error('path parameter too long'), {
    code: 'FST_ERR_MAX_PARAM_LENGTH',
    statusCode: 414,
    name: 'FastifyError',
  });
}

/**
 * Serves the built UI at `/` from the API's own origin: hashed files under /assets for a year, everything else
 * (index.html first) revalidated on every load, and any other GET that names a page answered with index.html.
 * Unknown /api paths and missing files go to the ordinary not-found handler, so they stay problem+json 404s.
 * Nothing is registered when the UI was not built (API-only installs, most tests).
 */
export async function serveWebUi(
  app: NestFastifyApplication,
  https: boolean,
  root: string | null = webRoot(),
): Promise<boolean> {
  if (root === null) return false;
  const fastify = app.getHttpAdapter().getInstance();
  const refuse = answerFrameworkError(https);
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res, path) => uiHeaders(res, path.includes(`${join(root, 'assets')}`) ? IMMUTABLE : 'no-cache'),
  });
  fastify.get('/*', (request, reply) => {
    const overlong = overlongParameter(request.url, fastify.initialConfig.maxParamLength ?? 100);
    if (overlong) return refuse(overlong, request, reply);
    if (!isPageRoute(request.url)) return reply.callNotFound();
    uiHeaders(reply, 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return true;
}
