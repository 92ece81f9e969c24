import fc from 'fast-check';
import { deepJson, wideJson } from './hostile-client.js';

/** One operation of the OpenAPI document, as far as the fuzzer needs it. */
export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  /** Property names of the JSON request body, or null when the operation takes none. */
  readonly bodyProperties: readonly string[] | null;
  /** Media types an error answer may have beside problem+json, by status (the OAuth token endpoint's RFC 6749 errors). */
  readonly otherErrorTypes: ReadonlyMap<number, readonly string[]>;
}

/** A request to send: method, path with query, headers, body. */
export interface HostileRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

type Json = Record<string, unknown>;

function schemaProperties(document: Json, schema: unknown): string[] {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  const resolved = ref ? ((document.components as Json).schemas as Json)[ref.split('/').pop() ?? ''] : schema;
  return Object.keys(((resolved as { properties?: Json } | undefined)?.properties ?? {}) as Json);
}

/** Every operation of the served document: what is fuzzed grows with the API by construction. */
export function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Json)) {
    for (const [method, value] of Object.entries(item as Json)) {
      const operation = value as
        | {
            parameters?: { name: string; in: string }[];
            requestBody?: { content?: Json };
            responses?: Json;
          }
        | undefined;
      if (!operation?.responses) continue;
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content?.['application/json'] as { schema?: unknown } | undefined;
      const otherErrorTypes = new Map<number, string[]>();
      for (const [status, response] of Object.entries(operation.responses)) {
        const types = Object.keys(((response as { content?: Json }).content ?? {}) as Json).filter(
          (t) => t !== 'application/problem+json',
        );
        if (Number(status) >= 400 && types.length > 0) otherErrorTypes.set(Number(status), types);
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        headerParams: parameters.filter((p) => p.in === 'header').map((p) => p.name),
        bodyProperties: operation.requestBody ? (json ? schemaProperties(document, json.schema) : []) : null,
        otherErrorTypes,
      });
    }
  }
  return operations;
}

const NASTY = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\ud83d\ude00',
  '%00',
  '%FF%FE',
  '../../etc/passwd',
  "' OR '1'='1",
  '__proto__',
  'constructor',
  '99999999999999999999',
  '-1',
  '0',
  '1e400',
  'NaN',
  'null',
  '[]',
  '{}',
  '',
  ' ',
  '\u202e',
  '\r\n',
  '<script>',
  '2026-02-30T25:61:00Z',
  'a'.repeat(300),
  'a'.repeat(5000),
];

/** As a client library would send it: an unpaired surrogate becomes U+FFFD (raw escapes of one are fuzzed apart). */
function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd');
}

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 24, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const hostileScalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 64, -(2 ** 63), Number.MAX_SAFE_INTEGER + 2, 1e308, -0, true, false, null),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileScalar },
  { weight: 1, arbitrary: fc.array(hostileScalar, { maxLength: 4 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(hostileString, hostileScalar, { maxKeys: 4 }),
  },
);

/** Bodies no DTO should ever see, as text: shapes past the limits, prototype keys, broken JSON, escapes of unstorable text. */
const RAW_BODIES: readonly (string | Buffer)[] = [
  deepJson(10_000),
  `{"a":${deepJson(200)}}`,
  wideJson(5_000),
  `[${'1,'.repeat(5_000)}1]`,
  JSON.stringify({ a: 'x'.repeat(100_000) }),
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"\\u0000":1}',
  '{',
  '[]',
  'null',
  '"text"',
  '1',
  '',
  Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
];

/** Percent-encoded as a client would (unpaired surrogates as their UTF-8 replacement), or raw escape junk. */
const pathSegment = fc.oneof(
  {
    weight: 3,
    arbitrary: hostileString.map((s) => encodeURIComponent(wellFormed(s))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%FF%FE', '%00', '%', '%zz', '%ED%A0%80', 'a'.repeat(300), '..', '.', '%2F'),
  },
);

const queryValue = fc.oneof(
  {
    weight: 3,
    arbitrary: hostileString.map((s) => encodeURIComponent(wellFormed(s))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%00', '%FF%FE', '%ED%A0%80', '%', '99999999999999999999', '-1', 'a'.repeat(5000)),
  },
);

/** Header values fetch will send: Latin-1 text without control characters, trimmed. */
const headerValue = hostileString
  .map((s) => s.replace(/[^\x20-\x7e\x80-\xff]/g, '').trim())
  .filter((s) => s.length > 0);

/** Credentials of a request: the admin, nobody, or something that is not a credential. */
export type Caller = 'admin' | 'anonymous' | 'garbage';

/** A request to `operation` with hostile path ids, query, headers and body, from `caller`. */
export function hostileRequest(operation: Operation, adminToken: string): fc.Arbitrary<HostileRequest> {
  const path = fc.tuple(...operation.pathParams.map(() => pathSegment)).map((segments) => {
    let filled = operation.path;
    operation.pathParams.forEach((name, i) => (filled = filled.replace(`{${name}}`, segments[i] ?? '')));
    return filled;
  });
  const knownQuery = fc.tuple(
    ...operation.queryParams.map((name) =>
      fc.option(fc.array(queryValue, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => `${name}=${v}`))),
    ),
  );
  const query = fc
    .tuple(knownQuery, fc.option(fc.tuple(hostileString, queryValue), { freq: 4 }))
    .map(([known, extra]) =>
      [
        ...known.flatMap((k) => k ?? []),
        ...(extra ? [`${encodeURIComponent(wellFormed(extra[0]))}=${extra[1]}`] : []),
      ].join('&'),
    );
  // fetch sends no body with GET or HEAD (and servers may ignore one).
  const body: fc.Arbitrary<string | Buffer | undefined> =
    operation.method === 'GET' || operation.method === 'HEAD'
      ? fc.constant(undefined)
      : operation.bodyProperties === null
        ? fc.option(fc.constantFrom(...RAW_BODIES), { freq: 5, nil: undefined })
        : fc.oneof(
            {
              weight: 3,
              arbitrary: fc
                .record(Object.fromEntries(operation.bodyProperties.map((p) => [p, hostileValue])), {
                  requiredKeys: [],
                })
                .map((b) => JSON.stringify(b)),
            },
            {
              weight: 1,
              arbitrary: fc.dictionary(hostileString, hostileValue, { maxKeys: 6 }).map((b) => JSON.stringify(b)),
            },
            { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
          );
  const headers = fc.record(
    {
      // Mostly the admin: anonymous and garbage-token requests stop at the guard, the admin's reach the DTOs and SQL.
      caller: fc.oneof(
        { weight: 4, arbitrary: fc.constant<Caller>('admin') },
        {
          weight: 1,
          arbitrary: fc.constantFrom<Caller>('anonymous', 'garbage'),
        },
      ),
      contentType: fc.oneof(
        { weight: 5, arbitrary: fc.constant('application/json') },
        { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      correlation: fc.option(headerValue),
      params: fc.tuple(...operation.headerParams.map(() => fc.option(headerValue))),
    },
    { requiredKeys: ['caller', 'contentType', 'correlation', 'params'] },
  );
  return fc.tuple(path, query, body, headers).map(([p, q, b, h]) => ({
    method: operation.method,
    url: q ? `${p}?${q}` : p,
    headers: {
      ...(h.caller === 'admin'
        ? { authorization: `Bearer ${adminToken}` }
        : h.caller === 'garbage'
          ? { authorization: 'Bearer \u00e9\u00ff.x.y' }
          : {}),
      ...(b !== undefined ? { 'content-type': h.contentType } : {}),
      ...(h.correlation !== null ? { 'x-correlation-id': h.correlation } : {}),
      ...Object.fromEntries(operation.headerParams.flatMap((name, i) => (h.params[i] ? [[name, h.params[i]]] : []))),
    },
    ...(b !== undefined ? { body: b } : {}),
  }));
}
