import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { installInputBoundary } from './input-boundary/input-boundary.js';
import { OPENADR_FORM_ROUTES } from './market/market.module.js';
import { OPENADR_BASE } from './market/openadr-query.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { serveOpenApi } from './openapi/serve-openapi.js';
import { ProblemFilter } from './problems/problem.filter.js';
import { requestValidationError } from './problems/validation-errors.js';
import type { RateLimiter } from './rate-limit/rate-limit.js';
import { installSecurityHeaders } from './security/security-headers.js';
import { memoizeValidationMetadata } from './validation/memoized-validation-metadata.js';

export const API_VERSION = '0.1.0';

/**
 * What every HTTP request passes through, whatever controller answers it: the input boundary, DTO validation, the one problem+json error
 * mapping, security headers, rate limits. The OpenAPI document is built from the same app, so what it says is what runs.
 */
export interface HttpPipelineOptions {
  /** This server terminates TLS itself (turns on HSTS). */
  readonly https: boolean;
  /** The limiter the app's authentication guard admits requests with; absent: no rate limit (tests). */
  readonly rateLimiter?: RateLimiter;
}

export function configureHttpPipeline(app: NestFastifyApplication, options: HttpPipelineOptions): OpenAPIObject {
  memoizeValidationMetadata();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: requestValidationError,
    }),
  );
  app.useGlobalFilters(new ProblemFilter());
  installSecurityHeaders(app, { https: options.https });
  options.rateLimiter?.install(app);
  const document = buildOpenApiDocument(app, API_VERSION);
  // After the document: it says which operations take a form body.
  installInputBoundary(app, document, undefined, OPENADR_FORM_ROUTES, [`/${OPENADR_BASE}/`]);
  serveOpenApi(app, document);
  return document;
}
