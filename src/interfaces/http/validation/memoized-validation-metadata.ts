import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const INSTALLED = Symbol.for('wattlog.memoizedValidationMetadata');

/**
 * class-validator finds a class's rules anew on every validation, walking every decorated class of the process to
 * collect inherited ones — and Nest's ValidationPipe asks twice per argument. With this API's ~150 DTO classes that
 * was a fifth of a small request's CPU. Rules only change when decorators run (module load), so the answer is kept
 * per class and options until a rule is added. Callers only read the arrays; they are shared, as before per call.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  patched[INSTALLED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let memo = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  const forget =
    <A extends unknown[]>(add: (...args: A) => void) =>
    (...args: A) => {
      memo = new Map();
      add(...args);
    };
  storage.addValidationMetadata = forget(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forget(storage.addConstraintMetadata.bind(storage));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}\u0000${groups === undefined}`;
    let perTarget = memo.get(target);
    if (!perTarget) memo.set(target, (perTarget = new Map()));
    let found = perTarget.get(key);
    if (!found) perTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
}
