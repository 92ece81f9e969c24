import { InvalidMarketInputError } from './market.errors.js';
import { MARKET_LIMITS } from './openadr-objects.js';

/** What a utility may change on a platform-managed ven or resource: its targets (MARKET.md §2.6, §3.1). */
export interface TargetsUpdate {
  readonly targets: readonly string[];
  /** The name the body carries, if any: Wattlog assigns names, so another one is refused. */
  readonly name: string | undefined;
}

/**
 * A BL `PUT /vens/{venID}` or `/resources/{resourceID}` body (`BlVenRequest` / `BlResourceRequest`): the targets
 * replace the current ones (none given: none kept). `nameField` is `venName` or `resourceName`. Other properties
 * (`clientID`, `venID`, `attributes`, `objectType`) are Wattlog's and ignored, like the VTN metadata.
 */
export function targetsUpdate(body: unknown, nameField: 'venName' | 'resourceName'): TargetsUpdate {
  const problems: string[] = [];
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new InvalidMarketInputError(nameField === 'venName' ? 'ven' : 'resource', ['body must be an object']);
  const o = body as Record<string, unknown>;
  const name = o[nameField];
  if (name !== undefined && name !== null && (typeof name !== 'string' || name.length < 1 || name.length > 128))
    problems.push(`${nameField} must be 1 to 128 characters`);
  let targets: string[] = [];
  if (o.targets !== undefined && o.targets !== null) {
    if (!Array.isArray(o.targets)) problems.push('targets must be an array');
    else if (o.targets.length > MARKET_LIMITS.listItems)
      problems.push(`targets must have at most ${MARKET_LIMITS.listItems} items`);
    else {
      o.targets.forEach((t, i) => {
        if (typeof t !== 'string' || t.length < 1 || t.length > MARKET_LIMITS.textMax)
          problems.push(`targets[${i}] must be a string of 1 to ${MARKET_LIMITS.textMax} characters`);
      });
      targets = [...new Set(o.targets as string[])];
    }
  }
  if (problems.length > 0) throw new InvalidMarketInputError(nameField === 'venName' ? 'ven' : 'resource', problems);
  return { targets, name: typeof name === 'string' ? name : undefined };
}
