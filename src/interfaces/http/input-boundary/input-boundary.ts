import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemError } from '../problems/problem.js';
import { inspectInput } from './inspect-input.js';
import { INPUT_LIMITS, type InputLimits } from './input-limits.js';
import { inputRefusal, shapeRefusal } from './input-refusals.js';
import { jsonShapeExcess } from './json-shape.js';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** A refused body declared no larger than this is read to its end, so the client gets its 413 rather than a reset. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

type Done = (error: Error | null, body?: unknown) => void;

/** `METHOD /fastify/:route` of every operation whose OpenAPI request body lists the form media type. */
function formOperations(document: OpenAPIObject, extra: readonly string[]): Set<string> {
  const keys = new Set<string>(extra);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const content = (operation as { requestBody?: { content?: Record<string, unknown> } } | undefined)?.requestBody
        ?.content;
      if (content && FORM_TYPE in content) keys.add(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
    }
  }
  return keys;
}

function parseJson(limits: InputLimits, schemaBound: readonly string[]) {
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    // A leading byte-order mark is allowed, as Fastify's own parser allowed it.
    const text = body.toString('utf8').replace(/^\uFEFF/, '');
    const excess = jsonShapeExcess(text, limits);
    if (excess) {
      const path = request.url.split('?', 1)[0]!;
      return done(
        shapeRefusal(
          excess,
          limits,
          schemaBound.some((prefix) => path.startsWith(prefix)),
        ),
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return done(
        new ProblemError(
          400,
          text.trim() === ''
            ? 'the body is empty although its content-type says JSON'
            : 'the request body is not valid JSON',
        ),
      );
    }
    const refusal = inspectInput(value, limits);
    done(refusal ? inputRefusal(refusal, 'body', limits) : null, refusal ? undefined : value);
  };
}

function parseForm(limits: InputLimits, accepting: ReadonlySet<string>) {
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    // The document says which operations take a form (the OAuth token endpoint, as RFC 6749 has it); others are JSON.
    if (!accepting.has(`${request.method} ${request.routeOptions.url ?? ''}`)) {
      return done(
        new ProblemError(
          415,
          'this operation does not accept application/x-www-form-urlencoded; send application/json',
        ),
      );
    }
    const value: Record<string, string | string[]> = {};
    for (const [key, entry] of new URLSearchParams(body.toString('utf8'))) {
      const held = value[key];
      value[key] = held === undefined ? entry : Array.isArray(held) ? [...held, entry] : [held, entry];
    }
    const refusal = inspectInput(value, limits);
    done(refusal ? inputRefusal(refusal, 'body', limits) : null, refusal ? undefined : value);
  };
}

/** Query values, path parameters and header values reach SQL and events too (filters, ids, correlation ids). */
function inspectUrlAndHeaders(request: FastifyRequest, limits: InputLimits): Error | null {
  const query = inspectInput(request.query, limits, 'query');
  if (query) return inputRefusal(query, 'query', limits);
  const path = inspectInput(request.params, limits, 'path');
  if (path) return inputRefusal(path, 'path', limits);
  // Node's parser refuses NUL in headers and reads other bytes as Latin-1, so this is a second line only.
  const headers = inspectInput(request.headers, { ...limits, maxStringLength: Number.MAX_SAFE_INTEGER }, 'header');
  return headers ? inputRefusal(headers, 'header', limits) : null;
}

/** A refused body still on its way in is read to its end (bounded), so the answer is not lost to a reset. */
function keepReadingRefusedBody(request: FastifyRequest, reply: FastifyReply): void {
  if (reply.statusCode < 400 || request.raw.complete) return;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared <= DRAIN_MAX_BYTES) reply.removeHeader('connection');
}

/**
 * The API's one input boundary, before any DTO: JSON and form bodies are parsed here (other media types are 415),
 * their shape is bounded before parsing (depth, members, items) and their values after (text length; text Postgres
 * cannot store — NUL, unpaired surrogates; prototype keys); the same value rules apply to query strings, path
 * parameters and headers. class-transformer and class-validator then only ever see bounded, storable input.
 */
export function installInputBoundary(
  app: NestFastifyApplication,
  document: OpenAPIObject,
  limits: InputLimits = INPUT_LIMITS,
  /** `METHOD /path` of form routes outside the document (OpenADR's token endpoint). */
  extraFormRoutes: readonly string[] = [],
  /**
   * Path prefixes whose specification answers a body its schema refuses with 400 (OpenADR 3.1.0): there a body past
   * the shape limits is such a body, not a 413. Bodies over the size limit stay 413 everywhere.
   */
  schemaBoundPrefixes: readonly string[] = [],
): void {
  const fastify = app.getHttpAdapter().getInstance();
  const bodyLimit = fastify.initialConfig.bodyLimit;
  // Fastify also parses text/plain by default; no operation takes it.
  fastify.removeContentTypeParser('text/plain');
  app.useBodyParser(JSON_TYPE, { bodyLimit }, parseJson(limits, schemaBoundPrefixes));
  app.useBodyParser(FORM_TYPE, { bodyLimit }, parseForm(limits, formOperations(document, extraFormRoutes)));
  fastify.addHook('preValidation', (request, _reply, done) => {
    const refusal = inspectUrlAndHeaders(request, limits);
    done(refusal ?? undefined);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    keepReadingRefusedBody(request, reply);
    done(null, payload);
  });
}
