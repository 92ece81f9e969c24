// Module hooks that let Node load the project's TypeScript directly: `.js` specifiers that name a `.ts` source
// resolve to it (the sources import their siblings as `.js`, as NodeNext requires), and `.ts` files are transpiled
// one by one with the compiler options of tsconfig.json (isolatedModules, so no type information is needed;
// decorator metadata is emitted as Nest needs it). Type checking stays with `npm run typecheck`.
// The transpiled text is cached on disk by content digest, so a file is compiled once per machine, not once per
// worker. TypeScript itself is loaded only on a cache miss.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const require = createRequire(import.meta.url);
const tsVersion = JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
const cacheDir = join(root, 'node_modules/.cache/wattlog-ts');
const hookVersion = '1';

let compilerOptions;
function typescript() {
  const ts = require('typescript');
  if (!compilerOptions) {
    const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
    compilerOptions = {
      ...options,
      module: ts.ModuleKind.ESNext,
      sourceMap: false,
      inlineSourceMap: true,
      inlineSources: true,
      incremental: false,
      tsBuildInfoFile: undefined,
      declaration: false,
    };
  }
  return ts;
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !specifier.endsWith('.js')) throw error;
    return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  // Spec files arrive with a query string (the runner's cache buster); the file is what counts.
  const { protocol, pathname } = new URL(url);
  if (protocol !== 'file:' || !pathname.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(`file://${pathname}`);
  const source = await readFile(path, 'utf8');
  const digest = createHash('sha256').update(`${hookVersion}\0${tsVersion}\0${path}\0${source}`).digest('hex');
  const cached = join(cacheDir, digest.slice(0, 2), `${digest}.js`);
  let output;
  try {
    output = await readFile(cached, 'utf8');
  } catch {
    const ts = typescript();
    output = ts.transpileModule(source, { compilerOptions, fileName: path }).outputText;
    mkdirSync(dirname(cached), { recursive: true });
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, output);
    renameSync(partial, cached);
  }
  return { format: 'module', source: output, shortCircuit: true };
}
