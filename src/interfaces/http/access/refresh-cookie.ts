import { ForbiddenException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from './access-runtime.js';

/**
 * The browser's refresh token: HttpOnly (no script reads it), Secure, SameSite=Strict and sent only to /api/auth, so
 * the token never meets page script and no other API path sees it. It lives as long as the login session may.
 */
export const REFRESH_COOKIE = 'wattlog_refresh';
const ATTRIBUTES = 'Path=/api/auth; HttpOnly; Secure; SameSite=Strict';

/** The header a browser caller sends on every auth call; a custom header cannot be sent cross-site without CORS. */
export const BROWSER_HEADER = 'x-requested-with';
export const BROWSER_HEADER_VALUE = 'fetch';

export function isBrowserCaller(request: FastifyRequest): boolean {
  return request.headers[BROWSER_HEADER] === BROWSER_HEADER_VALUE;
}

export function setRefreshCookie(reply: FastifyReply, token: string): void {
  void reply.header(
    'set-cookie',
    `${REFRESH_COOKIE}=${token}; ${ATTRIBUTES}; Max-Age=${Math.floor(SESSION_TTL_MS / 1000)}`,
  );
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.header('set-cookie', `${REFRESH_COOKIE}=; ${ATTRIBUTES}; Max-Age=0`);
}

export function refreshCookieOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A cookie rides along with any request the browser makes, forged ones included, so a cookie-authenticated call
 * must prove it comes from our own page: the custom header (a cross-site page cannot set it without a CORS
 * preflight, which this server never grants), and where the browser states them, an Origin equal to ours and a
 * same-origin Sec-Fetch-Site.
 */
export function assertSameSite(request: FastifyRequest): void {
  if (!isBrowserCaller(request))
    throw new ForbiddenException(`cookie-based calls need the header ${BROWSER_HEADER}: ${BROWSER_HEADER_VALUE}`);
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    throw new ForbiddenException('cross-site requests may not use the session cookie');
  const origin = request.headers.origin;
  // Host only: behind a TLS-terminating proxy this server sees http while the page's origin says https.
  if (origin !== undefined && hostOf(origin) !== request.headers.host) {
    throw new ForbiddenException('cross-origin requests may not use the session cookie');
  }
}
