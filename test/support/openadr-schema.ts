import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The OpenADR 3.1.0 schemas of the vendored spec document, compiled with ajv, for checking what the VTN answers.
 * OpenAPI 3.0 is not JSON Schema: `nullable: true` becomes a `null` alternative, the boolean `exclusiveMaximum`
 * (in `problem.status`) becomes the number form, `example` and `discriminator` go. The document's known defects
 * (openadr-3.1.0/NOTICE.md) are special-cased: the `ven`/`resource` objectType clash is resolved for the
 * `VEN`/`RESOURCE` side, and the YAML typo in `BlVenRequest.targets.default` is dropped.
 */
const DOCUMENT = new URL('../../src/interfaces/http/market/openadr-3.1.0/openadr3.yaml', import.meta.url);

type Node = Record<string, unknown>;

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node as Node)) {
    if (key === 'example' || key === 'discriminator' || key === 'nullable') continue;
    out[key] = convert(value);
  }
  const source = node as Node;
  if (source.exclusiveMaximum === true && typeof source.maximum === 'number') {
    out.exclusiveMaximum = source.maximum;
    delete out.maximum;
  }
  if (source.nullable === true) {
    delete out.default;
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

function schemas(): Node {
  const document = parse(readFileSync(DOCUMENT, 'utf8')) as { components: { schemas: Node } };
  const all = convert(document.components.schemas) as Record<string, Node>;
  const blVen = all.BlVenRequest as { properties: Record<string, Node> };
  delete blVen.properties.targets!.default;
  // The objectType clash: a response's objectType is the VTN's (`VEN`, `RESOURCE`), not the request discriminator.
  for (const name of ['BlVenRequest', 'BlResourceRequest']) {
    const request = all[name] as { properties: Record<string, Node>; required?: string[] };
    delete request.properties.objectType;
    if (request.required) request.required = request.required.filter((r) => r !== 'objectType');
  }
  return all;
}

let compiled: { ajv: Ajv } | undefined;

function ajv(): Ajv {
  if (!compiled) {
    const instance = new Ajv({ strict: false, allErrors: true });
    (addFormatsModule as unknown as (a: Ajv) => Ajv)(instance);
    instance.addSchema({ $id: 'openadr', components: { schemas: schemas() } });
    compiled = { ajv: instance };
  }
  return compiled.ajv;
}

const cache = new Map<string, ValidateFunction>();

/** A validator for `components/schemas/<name>`, or an array of them with `[]` after the name. */
export function openAdrValidator(name: string): ValidateFunction {
  let validate = cache.get(name);
  if (!validate) {
    const ref = `openadr#/components/schemas/${name.replace(/\[\]$/, '')}`;
    validate = ajv().compile(name.endsWith('[]') ? { type: 'array', items: { $ref: ref } } : { $ref: ref });
    cache.set(name, validate);
  }
  return validate;
}

/** The ajv errors of `body` against the named schema, as text; empty when it validates. */
export function openAdrSchemaErrors(name: string, body: unknown): string {
  const validate = openAdrValidator(name);
  return validate(body) ? '' : JSON.stringify(validate.errors);
}
