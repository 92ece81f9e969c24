import { ValidationPipe } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { serveOpenApi } from './openapi/serve-openapi.js';
import { ProblemFilter } from './problems/problem.filter.js';
import { requestValidationError } from './problems/validation-errors.js';

export const API_VERSION = '0.1.0';

/**
 * What every HTTP request passes through, whatever controller answers it: DTO validation, the one problem+json error
 * mapping. The OpenAPI document is built from the same app, so what it says is what runs.
 */
export function configureHttpPipeline(app: NestFastifyApplication): OpenAPIObject {
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
  const document = buildOpenApiDocument(app, API_VERSION);
  serveOpenApi(app, document);
  return document;
}
