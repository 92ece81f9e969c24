import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, typeScriptFilesUnder } from './import-rules.js';

const SPEC_FILE = /\.(int-|e2e-)?spec\.ts$/;
/** Reading the wall clock: `new Date()` without an argument, or `Date.now` (called or passed on). */
const CLOCK_READ = /\bnew\s+Date\s*\(\s*\)|\bDate\s*\.\s*now\b/;

/**
 * Application and interface code takes the time from the injected `Clock` (the `CLOCK` token), so a spec can set it
 * and a command records the instant its caller chose. `new Date(iso)` (parsing) is fine. Durations, deadlines and
 * rate limits use `performance.now()`: a monotonic clock cannot say what time it is, so it cannot leak into an
 * event, and it does not jump when the wall clock is set. These files may read the wall clock, each for its reason.
 */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/application/ports/clock.port.ts': 'the system clock itself',
  'src/interfaces/http/http-server.ts': 'composition root of the server',
  'src/interfaces/http/access/access-runtime.ts': 'composition root of authentication, built before Nest starts',
  'src/interfaces/gateway-link/link-server.factory.ts': 'composition root of the gateway link',
  'src/interfaces/http/access/verified-token-cache.ts':
    'compares with token `exp` claims (wall-clock seconds); its spec passes a clock',
  'src/interfaces/cli/decode/decode.command.ts':
    'command-line entry point: stamps the decoded readings with the time of the run',
  'src/interfaces/cli/gateway/gateway.command.ts':
    "command-line entry point: waits until the server's `expiresAt` (wall clock)",
  'src/interfaces/cli/bench/': 'measurement harnesses (they move out of src/ to bench/)',
};

function allowed(file: string): boolean {
  return Object.keys(ALLOWED).some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}

/** Comments may mention `new Date()`; only code counts. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function clockReads(source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((line, index) => (CLOCK_READ.test(line) ? [`${index + 1}: ${line.trim()}`] : []));
}

describe('no hidden clock in src/application and src/interfaces', () => {
  const files = ['application', 'interfaces']
    .flatMap((layer) => typeScriptFilesUnder(join(REPO_ROOT, 'src', layer)))
    .map((file) => relative(REPO_ROOT, file).split('\\').join('/'))
    .filter((file) => !SPEC_FILE.test(file));

  it('scans a non-empty tree', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('reads the wall clock only through the injected Clock, outside the allowed composition roots', () => {
    const found = files
      .filter((file) => !allowed(file))
      .flatMap((file) => clockReads(readFileSync(join(REPO_ROOT, file), 'utf8')).map((line) => `${file}:${line}`));
    expect(found).toEqual([]);
  });

  it('finds the reads it is meant to find, and lets parsing, the monotonic clock and comments through', () => {
    const source = [
      'const at = new Date();',
      'const ms = Date.now();',
      'const now = options.now ?? Date.now;',
      'const parsed = new Date(iso);',
      'const started = performance.now();',
      '// defaults to new Date()',
      '/* Date.now() */',
    ].join('\n');
    expect(clockReads(source)).toEqual([
      '1: const at = new Date();',
      '2: const ms = Date.now();',
      '3: const now = options.now ?? Date.now;',
    ]);
  });
});
