import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import {
  NON_LITERAL,
  REPO_ROOT,
  checkSource,
  checkTree,
  describeViolations,
  resolveRelative,
  type ImportRule,
} from './import-rules.js';

const SRC = join(REPO_ROOT, 'src');
const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};

/** Specs and fixtures run only under Jest, from a checkout with every devDependency installed. */
const TEST_ONLY = /\.((int-|e2e-)?spec|fixtures)\.ts$/;

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/**
 * The shipped product installs with `npm ci --omit=dev` (the Docker image does), so src/ may use only what
 * `dependencies` lists, plus Node's built-ins. A devDependency, or a package that is only there because another one
 * pulls it in, works in a checkout and fails in the image. Type-only imports count too: they are one edit away from
 * a value import.
 */
function onlyDependencies(dependencies: Readonly<Record<string, string>>): ImportRule {
  return (fromFile, ref) => {
    if (TEST_ONLY.test(fromFile)) return true;
    if (ref.specifier === NON_LITERAL) return false;
    if (resolveRelative(fromFile, ref.specifier) !== null || isBuiltin(ref.specifier)) return true;
    return Object.hasOwn(dependencies, packageName(ref.specifier));
  };
}

describe('packages src/ imports', () => {
  const rule = onlyDependencies(manifest.dependencies ?? {});

  it('are dependencies or Node built-ins, never devDependencies (specs and fixtures aside)', () => {
    expect(describeViolations(checkTree(SRC, rule))).toBe('');
  });

  it('the checker reports devDependencies and undeclared packages and lets dependencies, built-ins and tests through', () => {
    const check = onlyDependencies({ pg: '^8', '@nestjs/common': '^12' });
    const sampleFile = join(SRC, 'interfaces', 'cli', 'load.command.ts');
    const source = [
      "import pg from 'pg';",
      "import { Injectable } from '@nestjs/common/decorators/index.js';",
      "import { readFile } from 'node:fs/promises';",
      "import { createHash } from 'crypto';",
      "import { helper } from './helper.js';",
      "import autocannon from 'autocannon';",
      "import type { Config } from 'jest';",
      "const tool = await import('@redocly/cli');",
      "import debug from 'debug';",
    ].join('\n');
    expect(checkSource(sampleFile, source, check).map((v) => `${v.line} ${v.specifier}`)).toEqual([
      '6 autocannon',
      '7 jest',
      '8 @redocly/cli',
      '9 debug',
    ]);
    for (const exempt of ['load.command.spec.ts', 'load.command.int-spec.ts', 'load.fixtures.ts']) {
      expect(checkSource(join(SRC, 'interfaces', 'cli', exempt), source, check)).toEqual([]);
    }
  });
});
