import { ProblemError } from '../problems/problem.js';
import type { OpenAdrPage } from '../../../application/market/openadr-objects.wire.js';
import { OBJECT_ID, OBJECT_TYPES } from '../../../domain/market/openadr-objects.js';

/** The base path of every OpenADR 3.1.0 endpoint. */
export const OPENADR_BASE = 'openadr3/3.1.0';

export type RawQuery = Record<string, string | string[] | undefined>;

function bad(detail: string): ProblemError {
  return new ProblemError(400, detail);
}

function one(query: RawQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw bad(`query parameter ${name} must be given once`);
  return value;
}

function integer(text: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text) || Number(text) < min || Number(text) > max)
    throw bad(`query parameter ${name} must be an integer from ${min} to ${max}`);
  return Number(text);
}

/** `skip` (≥ 0) and `limit` (0 to 50, the spec's maximum; default 50). */
export function page(query: RawQuery): OpenAdrPage {
  return {
    skip: integer(one(query, 'skip'), 'skip', 0, 2 ** 31 - 1, 0),
    limit: integer(one(query, 'limit'), 'limit', 0, 50, 50),
  };
}

/** An object id filter: the spec's `objectID` pattern, matched by equality, never as a pattern. */
export function objectIdParam(query: RawQuery, name: string): string | undefined {
  const value = one(query, name);
  if (value !== undefined && !OBJECT_ID.test(value))
    throw bad(`query parameter ${name} must be an object id (1 to 128 of a-z, A-Z, 0-9, _ and -)`);
  return value;
}

export function textParam(query: RawQuery, name: string): string | undefined {
  const value = one(query, name);
  if (value !== undefined && (value.length < 1 || value.length > 128))
    throw bad(`query parameter ${name} must be 1 to 128 characters`);
  return value;
}

/** `targets` (repeatable, `targets=a&targets=b`); an object must carry every one named. */
export function listParam(query: RawQuery, name: string, allowed?: readonly string[]): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length > 50 || values.some((v) => v.length < 1 || v.length > 128))
    throw bad(`query parameter ${name} takes up to 50 values of 1 to 128 characters`);
  if (allowed && values.some((v) => !allowed.includes(v)))
    throw bad(`query parameter ${name} takes ${allowed.join(', ')}`);
  return values;
}

export function booleanParam(query: RawQuery, name: string): boolean | undefined {
  const value = one(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw bad(`query parameter ${name} must be true or false`);
  return value === 'true';
}

export const objectTypesParam = (query: RawQuery): string[] | undefined => listParam(query, 'objects', OBJECT_TYPES);

/** A path id: what cannot be an object id names nothing (404, like any id the caller may not see). */
export function pathObjectId(id: string, what: string): string {
  if (!OBJECT_ID.test(id)) throw new ProblemError(404, `${what} ${id.slice(0, 128)} does not exist`);
  return id;
}
