import { join } from 'node:path';
import {
  NON_LITERAL,
  REPO_ROOT,
  checkSource,
  checkTree,
  describeViolations,
  isInside,
  resolveRelative,
  typeScriptFilesUnder,
  type ImportRule,
} from './import-rules.js';

const SRC = join(REPO_ROOT, 'src');
const INFRASTRUCTURE = join(SRC, 'infrastructure');
const INTERFACES = join(SRC, 'interfaces');

/**
 * Adapters implement ports for the application; transports (HTTP, CLI, the gateway link) drive it. An adapter that
 * reaches into a transport ties the two outer rings together, so only the interfaces may depend on infrastructure.
 * Specs included: an adapter's spec has no reason to start a transport either.
 */
const noInterfaces: ImportRule = (fromFile, ref) => {
  if (ref.specifier === NON_LITERAL) return false;
  const target = resolveRelative(fromFile, ref.specifier);
  return target === null || !isInside(target, INTERFACES);
};

describe('src/infrastructure imports', () => {
  it('scans a non-empty infrastructure tree', () => {
    expect(typeScriptFilesUnder(INFRASTRUCTURE).length).toBeGreaterThan(0);
  });

  it('references nothing in src/interfaces', () => {
    expect(describeViolations(checkTree(INFRASTRUCTURE, noInterfaces))).toBe('');
  });

  it('the checker reports interface imports and lets application, domain, siblings and packages through', () => {
    const sampleFile = join(INFRASTRUCTURE, 'meters', 'meter.adapter.ts');
    const source = [
      "import pg from 'pg';",
      "import type { EventStore } from '../../application/ports/event-store.port.js';",
      "import type { DomainEvent } from '../../domain/shared/event.js';",
      "import { PgDatabase } from '../postgres/pg-database.js';",
      "import type { RunningServer } from '../../interfaces/http/http-server.js';",
      "export { LinkServer } from '../../interfaces/gateway-link/link-server.js';",
      "const cli = await import('../../interfaces/cli/main.js');",
    ].join('\n');
    expect(checkSource(sampleFile, source, noInterfaces).map((v) => `${v.line} ${v.kind} ${v.specifier}`)).toEqual([
      '5 import ../../interfaces/http/http-server.js',
      '6 export-from ../../interfaces/gateway-link/link-server.js',
      '7 dynamic-import ../../interfaces/cli/main.js',
    ]);
  });
});
