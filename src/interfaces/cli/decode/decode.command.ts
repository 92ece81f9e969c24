import { Option, type Command } from 'commander';
import { DECODE_PROTOCOLS, decodeInput, type DecodeProtocol } from './decode-input.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** P1 telegrams are bytes (the CRC covers each one as sent); JSON lines are UTF-8. */
function textOf(protocol: DecodeProtocol, input: Buffer): string {
  return input.toString(protocol === 'dsmr' ? 'latin1' : 'utf8');
}

export function registerDecode(program: Command): void {
  program
    .command('decode')
    .description('native payloads on stdin → canonical readings as JSON lines (for debugging a new gateway)')
    .addOption(
      new Option('--protocol <name>', 'dsmr: P1 telegrams; zigbee2mqtt / sdm630: one JSON payload per line')
        .choices(DECODE_PROTOCOLS)
        .makeOptionMandatory(),
    )
    .option('--gateway <id>', 'gateway id the readings are attributed to', 'cli')
    .action(async (options: { protocol: DecodeProtocol; gateway: string }) => {
      const readings = decodeInput(
        options.protocol,
        textOf(options.protocol, await readStdin()),
        options.gateway,
        new Date().toISOString(),
      );
      process.stdout.write(readings.map((r) => `${JSON.stringify(r)}\n`).join(''));
    });
}
