#!/usr/bin/env -S node --max-semi-space-size=64
import 'reflect-metadata';
import { Command } from 'commander';

type Registrar = (program: Command) => void;

/**
 * Each top-level command's module, loaded on demand: together they pull in Nest, herdsman and the event store
 * clients — seconds of module loading that `wattlog gateway list` has no use for.
 */
const loadRebuild = async (): Promise<Registrar> => (await import('./rebuild.command.js')).registerRebuild;

const COMMANDS: Record<string, () => Promise<Registrar>> = {
  migrate: async () => (await import('./migrate.command.js')).registerMigrate,
  rebuild: loadRebuild,
  // The command's former name, an alias of `rebuild` kept for existing scripts.
  replay: loadRebuild,
  projector: async () => (await import('./projector.command.js')).registerProjector,
  agent: async () => (await import('../gateway-agent/agent.command.js')).registerAgent,
  gateway: async () => (await import('./gateway/gateway.command.js')).registerGateway,
  user: async () => (await import('./user/user.command.js')).registerUser,
  client: async () => (await import('./client/client.command.js')).registerClient,
  simulate: async () => (await import('./simulate.command.js')).registerSimulate,
  decode: async () => (await import('./decode/decode.command.js')).registerDecode,
  openapi: async () => (await import('./openapi.command.js')).registerOpenApi,
  actuator: async () => (await import('./actuator/actuator.command.js')).registerActuator,
  audit: async () => (await import('./audit/audit.command.js')).registerAudit,
  rule: async () => (await import('./rule/rule.command.js')).registerRule,
};

async function main(argv: readonly string[]): Promise<void> {
  const program = new Command()
    .name('wattlog')
    .description('Wattlog: event-sourced smart-energy platform')
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  // The first argument names the command; anything else (no command, --help, a typo) gets them all, for the listing.
  const named = argv[2] !== undefined ? COMMANDS[argv[2]] : undefined;
  for (const load of named ? [named] : new Set(Object.values(COMMANDS))) (await load())(program);
  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`wattlog: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
