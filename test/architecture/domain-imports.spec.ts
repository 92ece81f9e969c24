import { existsSync } from 'node:fs';
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

const DOMAIN = join(REPO_ROOT, 'src', 'domain');
const SPEC_FILE = /\.(int-)?spec\.ts$/;

/**
 * Packages the domain may import, by exact specifier. Each is pure computation (no clock, no I/O, no framework):
 * `temporal-polyfill` is the TC39 Temporal API, which the signal compiler needs for calendar-aware durations in a
 * time zone (months, days across DST; ADR 0022). Adding one is a decision, not a prefix match.
 */
const PURE_PACKAGES: ReadonlySet<string> = new Set(['temporal-polyfill']);

/**
 * The domain may only depend on itself and the pure packages above: no other packages, and no `node:` modules
 * either. Even "pure" built-ins are refused because a single allowed prefix is easy to widen by accident (node:fs
 * sits next to node:util).
 */
const domainOnly: ImportRule = (fromFile, ref) => {
  // A domain spec may use the shared test toolkit (spec helpers, builders, fixtures), itself held to no I/O.
  if (SPEC_FILE.test(fromFile) && ref.specifier.startsWith('#test/')) return true;
  if (PURE_PACKAGES.has(ref.specifier)) return true;
  const target = resolveRelative(fromFile, ref.specifier);
  return target !== null && isInside(target, DOMAIN);
};

describe('src/domain imports', () => {
  it('scans a non-empty domain tree', () => {
    expect(existsSync(DOMAIN)).toBe(true);
    expect(typeScriptFilesUnder(DOMAIN).length).toBeGreaterThan(0);
  });

  it('lets a spec, and only a spec, use the #test toolkit', () => {
    expect(
      checkSource(join(DOMAIN, 'x', 'y.spec.ts'), "import { a } from '#test/support/decider-spec.js';", domainOnly),
    ).toEqual([]);
    expect(
      checkSource(join(DOMAIN, 'x', 'y.ts'), "import { a } from '#test/support/decider-spec.js';", domainOnly),
    ).toHaveLength(1);
  });

  it('lets the domain import a listed pure package by its exact name only', () => {
    const file = join(DOMAIN, 'x', 'y.ts');
    expect(checkSource(file, "import { Temporal } from 'temporal-polyfill';", domainOnly)).toEqual([]);
    expect(checkSource(file, "import 'temporal-polyfill/global';", domainOnly)).toHaveLength(1);
    expect(checkSource(file, "import { DateTime } from 'luxon';", domainOnly)).toHaveLength(1);
  });

  it('references nothing outside src/domain', () => {
    const violations = checkTree(DOMAIN, domainOnly);
    expect(describeViolations(violations)).toBe('');
  });

  describe('the checker itself', () => {
    const sampleFile = join(DOMAIN, 'meter', 'sample.ts');
    const specifiersIn = (source: string): string[] =>
      checkSource(sampleFile, source, domainOnly).map((v) => `${v.kind} ${v.specifier}`);

    it("reports a static import of '@nestjs/common'", () => {
      const violations = checkSource(sampleFile, "import { Injectable } from '@nestjs/common';\n", domainOnly);
      expect(violations).toEqual([{ file: sampleFile, line: 1, kind: 'import', specifier: '@nestjs/common' }]);
    });

    it('reports every way of referencing another module', () => {
      const source = [
        "import type { Pool } from 'pg';",
        "import 'reflect-metadata';",
        "export { pino } from 'pino';",
        "export * from '../../infrastructure/postgres/pg-database.js';",
        "import mqtt = require('mqtt');",
        "const herdsman = await import('zigbee-herdsman');",
        "const modbus = require('modbus-serial');",
        "type Client = import('@eventstore/db-client').EventStoreDBClient;",
        "import { readFile } from 'node:fs/promises';",
        "import { createHash } from 'crypto';",
        'const lazy = await import(someVariable);',
      ].join('\n');
      expect(specifiersIn(source)).toEqual([
        'import pg',
        'import reflect-metadata',
        'export-from pino',
        'export-from ../../infrastructure/postgres/pg-database.js',
        'import-equals mqtt',
        'dynamic-import zigbee-herdsman',
        'require modbus-serial',
        'import-type @eventstore/db-client',
        'import node:fs/promises',
        'import crypto',
        `dynamic-import ${NON_LITERAL}`,
      ]);
    });

    it('allows relative imports that stay inside src/domain, and ignores strings and comments', () => {
      const source = [
        "import type { DomainEvent } from '../shared/event.js';",
        "export * from './meter-reading.js';",
        "// import { Injectable } from '@nestjs/common';",
        'const hint = "import pg from \'pg\'";',
      ].join('\n');
      expect(specifiersIn(source)).toEqual([]);
    });

    it('reports a relative path that climbs out of src/domain', () => {
      expect(specifiersIn("import { x } from '../../../src/domain-extras/x.js';")).toEqual([
        'import ../../../src/domain-extras/x.js',
      ]);
    });
  });
});
