// The shell's initial JavaScript (what index.html loads before any page chunk), gzipped, against the 100 KB budget.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { gzipSync } from 'node:zlib';

const WEB = new URL('../../dist/web/', import.meta.url);
const BUDGET = 100 * 1024;

it(
  'keeps the initial JavaScript of the UI shell within 100 KB gzip',
  { skip: existsSync(new URL('index.html', WEB)) ? false : 'the UI is not built (npm run build)' },
  () => {
    const index = readFileSync(new URL('index.html', WEB), 'utf8');
    const scripts = [
      ...index.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g),
    ].map((m) => m[1]);
    assert.ok(scripts.length > 0, 'index.html loads a script');
    const sizes = scripts.map((file) => {
      const bytes = readFileSync(new URL(file, WEB));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    for (const s of sizes)
      console.log(`# ${s.file}: ${(s.raw / 1024).toFixed(1)} KB, ${(s.gzip / 1024).toFixed(1)} KB gzip`);
    console.log(`# initial JavaScript: ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET / 1024} KB)`);
    assert.ok(total <= BUDGET, `initial JavaScript is ${total} bytes gzip`);
  },
);
