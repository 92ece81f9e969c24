import type { GranteeRef, PrincipalDirectory } from '../../src/application/access/ports/principal-directory.port.js';

/** Users and API clients known by id, for specs that run without the identity read models. */
export class InMemoryPrincipalDirectory implements PrincipalDirectory {
  private readonly known = new Set<string>();

  constructor(entries: readonly GranteeRef[] = []) {
    for (const entry of entries) this.add(entry);
  }

  add(entry: GranteeRef): this {
    this.known.add(`${entry.kind}:${entry.id}`);
    return this;
  }

  exists(grantee: GranteeRef): Promise<boolean> {
    return Promise.resolve(this.known.has(`${grantee.kind}:${grantee.id}`));
  }
}
