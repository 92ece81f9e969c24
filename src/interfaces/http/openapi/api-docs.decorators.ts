import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_MEDIA_TYPE, statusTitle } from '../problems/problem.js';
import { ProblemSchema } from './problem.schema.js';

/** The security scheme name in the document. */
export const BEARER_SCHEME = 'bearer';

const WHY: Readonly<Record<number, string>> = {
  400: 'The request is invalid; `errors` lists each failed constraint',
  401: 'No valid bearer token',
  403: 'The caller may not perform this operation',
  404: 'The object does not exist or the caller may not see it',
  409: 'The request conflicts with the current state',
  413: 'The request body is larger than the server accepts',
  415: 'The request body is not JSON',
  422: 'The target understood but refused the request',
  429: 'Rate limit exceeded; retry after `Retry-After` seconds',
  500: 'Unexpected server error (details are logged, not returned)',
  503: 'Temporarily unable to serve this request',
  504: 'The gateway did not answer in time',
};

/** A problem+json answer with `status`; `description` overrides the generic one. */
export function problemResponse(status: number, description?: string): Parameters<typeof ApiResponse>[0] {
  return {
    status,
    description: description ?? WHY[status] ?? statusTitle(status),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemSchema) } } },
  };
}

/**
 * Documents the error answers an operation can give, all in the problem shape: `@ApiProblems(400, 404)`, or with
 * a specific description `@ApiProblems([409, 'the gateway is decommissioned'])`. 429 and 500 are added to every
 * operation by the document builder.
 */
export function ApiProblems(...answers: (number | readonly [number, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...answers.map((a) =>
      typeof a === 'number' ? ApiResponse(problemResponse(a)) : ApiResponse(problemResponse(a[0], a[1])),
    ),
  );
}

/** A bearer-protected operation or controller: the security requirement plus its 401 and 403 answers. */
export function ApiBearer(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiProblems(401, 403));
}

/** Marks an operation that needs no credentials; the document builder turns it into `security: []`. */
export const PUBLIC_MARK = 'x-wattlog-public';

/** An operation anyone may call (health, metrics). Without this or `ApiBearer`, the OpenAPI lint fails. */
export function ApiPublic(): MethodDecorator {
  return ApiExtension(PUBLIC_MARK, true);
}

/** Marks a wildcard route whose documented path goes on after the id (`PUT /api/sensors/{sensorId}/visibility`). */
export const PATH_SUFFIX_MARK = 'x-wattlog-path-suffix';

/**
 * For a `@Put('…/*')` route that is only served for ids ending in `suffix`: the document names it
 * `…/{param}<suffix>`, the parameter being the one its `@ApiParam` declares.
 */
export function API_PATH_SUFFIX(suffix: string): MethodDecorator {
  return ApiExtension(PATH_SUFFIX_MARK, suffix);
}
