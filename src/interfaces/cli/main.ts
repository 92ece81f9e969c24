#!/usr/bin/env -S node --max-semi-space-size=32
import 'reflect-metadata';
import { Command } from 'commander';
import { registerAgent } from '../gateway-agent/agent.command.js';
import { registerActuator } from './actuator/actuator.command.js';
import { registerAudit } from './audit/audit.command.js';
import { registerBench } from './bench/bench.command.js';
import { registerDecode } from './decode/decode.command.js';
import { registerGateway } from './gateway/gateway.command.js';
import { registerMigrate } from './migrate.command.js';
import { registerOpenApi } from './openapi.command.js';
import { registerProjector } from './projector.command.js';
import { registerReplay } from './replay.command.js';
import { registerSimulate } from './simulate.command.js';
import { registerClient, registerUser } from './user/user.command.js';

const program = new Command()
  .name('wattlog')
  .description('Wattlog: event-sourced smart-energy platform')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerMigrate(program);
registerReplay(program);
registerProjector(program);
registerBench(program);
registerAgent(program);
registerGateway(program);
registerUser(program);
registerClient(program);
registerSimulate(program);
registerDecode(program);
registerOpenApi(program);
registerActuator(program);
registerAudit(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`wattlog: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
