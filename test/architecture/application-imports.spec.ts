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
const APPLICATION = join(SRC, 'application');
const OUTER_LAYERS = [join(SRC, 'infrastructure'), join(SRC, 'interfaces')];

const SPEC_FILE = /\.(int-|e2e-)?spec\.ts$/;

/**
 * Application code talks to the outside only through ports; adapters and transports depend on it, never the reverse.
 * Specs are the exception: an integration spec wires the use case to a real adapter, which is the point of it.
 */
const noOuterLayers: ImportRule = (fromFile, ref) => {
  if (SPEC_FILE.test(fromFile)) return true;
  if (ref.specifier === NON_LITERAL) return false;
  const target = resolveRelative(fromFile, ref.specifier);
  return target === null || !OUTER_LAYERS.some((dir) => isInside(target, dir));
};

describe('src/application imports', () => {
  it('scans a non-empty application tree', () => {
    expect(typeScriptFilesUnder(APPLICATION).length).toBeGreaterThan(0);
  });

  it('references nothing in src/infrastructure or src/interfaces', () => {
    expect(describeViolations(checkTree(APPLICATION, noOuterLayers))).toBe('');
  });

  it('the checker reports outer-layer imports and lets ports, domain and packages through', () => {
    const sampleFile = join(APPLICATION, 'meters', 'record-reading.handler.ts');
    const source = [
      "import { CommandHandler } from '@nestjs/cqrs';",
      "import type { EventStore } from '../ports/event-store.port.js';",
      "import type { DomainEvent } from '../../domain/shared/event.js';",
      "import { PgDatabase } from '../../infrastructure/postgres/pg-database.js';",
      "export { AppModule } from '../../interfaces/http/app.module.js';",
      "const adapter = await import('../../infrastructure/event-store/embedded/embedded-event-store.js');",
    ].join('\n');
    expect(checkSource(sampleFile, source, noOuterLayers).map((v) => `${v.line} ${v.specifier}`)).toEqual([
      '4 ../../infrastructure/postgres/pg-database.js',
      '5 ../../interfaces/http/app.module.js',
      '6 ../../infrastructure/event-store/embedded/embedded-event-store.js',
    ]);
    const specFile = join(APPLICATION, 'meters', 'record-reading.handler.int-spec.ts');
    expect(checkSource(specFile, source, noOuterLayers)).toEqual([]);
  });
});
