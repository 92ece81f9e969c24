import { PROBLEM_TYPES, ProblemError, RequestValidationError } from '../problems/problem.js';
import type { InputRefusal } from './inspect-input.js';
import type { InputLimits } from './input-limits.js';
import type { ShapeExcess } from './json-shape.js';

/** Where refused input came from. */
export type InputPart = 'body' | 'query' | 'path' | 'header';

const STATUS: Readonly<Record<InputPart, number>> = { body: 413, query: 414, path: 414, header: 431 };

function limitDetail(kind: ShapeExcess['limit'] | 'stringLength', limits: InputLimits): string {
  switch (kind) {
    case 'depth':
      return `nested deeper than ${limits.maxDepth} levels`;
    case 'keys':
      return `an object with more than ${limits.maxKeys} members`;
    case 'items':
      return `a list with more than ${limits.maxItems} items`;
    case 'stringLength':
      return `a text longer than ${limits.maxStringLength} characters`;
  }
}

function overLimit(
  part: InputPart,
  kind: ShapeExcess['limit'] | 'stringLength',
  limits: InputLimits,
  field: string,
): ProblemError {
  const where =
    part === 'body'
      ? 'the request body'
      : part === 'query'
        ? 'the query string'
        : part === 'path'
          ? 'the path'
          : 'a header';
  const at = field ? ` (at ${field.slice(0, 200)})` : '';
  return new ProblemError(
    STATUS[part],
    `${where} holds ${limitDetail(kind, limits)}${at}; see the input limits of the API`,
    PROBLEM_TYPES.inputLimit,
  );
}

/**
 * The JSON text went past a shape limit before it was parsed: 413 with the input-limit problem type, or, on routes
 * whose specification calls a body its schema refuses a 400 (OpenADR: an event of 2,000 intervals), a 400.
 */
export function shapeRefusal(excess: ShapeExcess, limits: InputLimits, schemaViolation = false): ProblemError {
  if (!schemaViolation) return overLimit('body', excess.limit, limits, '');
  return new ProblemError(
    400,
    `the request body holds ${limitDetail(excess.limit, limits)}, more than the schema allows (see the documented limits)`,
  );
}

/** A refusal of parsed input, as the error the problem filter answers. */
export function inputRefusal(refusal: InputRefusal, part: InputPart, limits: InputLimits): Error {
  const field = refusal.field || part;
  switch (refusal.kind) {
    case 'unstorable':
      return new RequestValidationError([
        {
          field,
          constraint: 'storableText',
          message: `${field} contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored`,
        },
      ]);
    case 'prototype':
      return new RequestValidationError([
        {
          field,
          constraint: 'forbiddenProperty',
          message: `${field} is a property name the API never accepts`,
        },
      ]);
    case 'stringLength':
    case 'keys':
    case 'items':
    case 'depth':
      return overLimit(part, refusal.kind, limits, refusal.field);
  }
}
