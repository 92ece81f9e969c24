#!/usr/bin/env -S node --max-semi-space-size=64
import 'reflect-metadata';
import { Command } from 'commander';
import { registerBenchmarks } from './bench.command.js';

/**
 * `npm run bench -- <name> [options]`. The benchmarks are measurement harnesses, not part of the product: they live
 * outside src/, are compiled only by this script's tsconfig.bench.json, and may use devDependencies (autocannon).
 */
const bench = new Command()
  .name('bench')
  .description('benchmarks against the configured Postgres (DATABASE_URL or 127.0.0.1:5432/test)')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });
registerBenchmarks(bench);

bench.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
