// Writes web/src/api/schema.d.ts from the server's own OpenAPI document (built server: dist/), or with --check fails
// when the committed file differs from what the document says now, so the UI cannot drift from the API unnoticed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createConfig } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';

const TARGET = new URL('../web/src/api/schema.d.ts', import.meta.url);
const HEADER = '// Generated from the OpenAPI document by `npm run gen:api`; do not edit.\n\n';

const document = JSON.parse(
  execFileSync(process.execPath, ['dist/src/interfaces/cli/main.js', 'openapi'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }),
);
// An empty lint configuration: the project's redocly.yaml rules belong to `lint:openapi`, not to type generation.
const ast = await openapiTS(document, {
  redocly: await createConfig({}),
  alphabetize: true,
  defaultNonNullable: false,
});
const text = HEADER + astToString(ast);

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(TARGET, 'utf8');
  } catch {
    // Missing counts as drift.
  }
  if (committed !== text) {
    console.error(
      'web/src/api/schema.d.ts differs from the OpenAPI document: run `npm run gen:api` and commit the result',
    );
    process.exit(1);
  }
  console.log('web/src/api/schema.d.ts matches the OpenAPI document');
} else {
  writeFileSync(TARGET, text);
  console.log(`wrote ${TARGET.pathname}`);
}
