import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { FrameSource } from '../../application/ports/frame-source.port.js';
import { SimulatedMetersSource } from '../../infrastructure/simulation/simulated-meters.source.js';
import { DurableOutbox } from '../../infrastructure/outbox/durable-outbox.js';
import { callAdminApi, AdminApiError, type AdminApiTarget } from '../cli/admin-api-client.js';
import type { OutboxEntry } from '../gateway-agent/agent-session.js';
import { driverCommands } from '../gateway-agent/command-handler.js';
import { GatewayAgent } from '../gateway-agent/gateway-agent.js';
import { AGENT_VERSION } from '../gateway-agent/agent.command.js';

interface SimulatedGateway {
  readonly id: string;
  /** Hex network key, kept only in this 0600 state file, as a real gateway keeps it. */
  readonly key: string;
}

export interface FleetOptions {
  readonly api: AdminApiTarget;
  readonly link: { readonly host: string; readonly port: number };
  readonly gateways: number;
  readonly meters: number;
  readonly intervalMs: number;
  /** Holds gateways.json and one outbox per gateway. */
  readonly stateDir: string;
  readonly namePrefix: string;
  readonly logger: Logger;
  /**
   * `meters`: simulated household meters reporting like zigbee2mqtt devices (the default). `zigbee`: zigbee-herdsman's
   * real Controller on the virtual coordinator, with real device definitions (a plug, an energy meter, …).
   */
  readonly kind?: 'meters' | 'zigbee';
}

export interface RunningFleet {
  readonly gatewayIds: readonly string[];
  readonly agents: readonly GatewayAgent[];
  stop(): Promise<void>;
}

function readState(path: string): SimulatedGateway[] {
  if (!existsSync(path)) return [];
  return JSON.parse(readFileSync(path, 'utf8')) as SimulatedGateway[];
}

function writeState(path: string, gateways: readonly SimulatedGateway[]): void {
  writeFileSync(path, `${JSON.stringify(gateways, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
}

async function stillRegistered(api: AdminApiTarget, id: string): Promise<boolean> {
  try {
    const gateway = await callAdminApi<{ lifecycle?: string }>(api, 'GET', `/api/gateways/${encodeURIComponent(id)}`);
    return gateway.lifecycle !== 'decommissioned';
  } catch (error) {
    if (error instanceof AdminApiError && /answered 404/.test(error.message)) return false;
    throw error;
  }
}

/** Reuses the gateways registered by an earlier run while they are still registered; registers the rest. */
async function ensureGateways(options: FleetOptions): Promise<SimulatedGateway[]> {
  mkdirSync(options.stateDir, { recursive: true, mode: 0o700 });
  const zigbee = options.kind === 'zigbee';
  const path = join(options.stateDir, zigbee ? 'zigbee-gateways.json' : 'gateways.json');
  const known = readState(path);
  const kept: SimulatedGateway[] = [];
  for (const gateway of known.slice(0, options.gateways)) {
    if (await stillRegistered(options.api, gateway.id)) kept.push(gateway);
  }
  while (kept.length < options.gateways) {
    const n = kept.length + 1;
    const issued = await callAdminApi<{ id: string; key: string }>(options.api, 'POST', '/api/gateways', {
      name: `${options.namePrefix} ${n}`,
      networkType: zigbee ? 'zigbee' : 'zigbee2mqtt',
      address: `simulated://${options.namePrefix.toLowerCase().replace(/\W+/g, '-')}-${n}`,
      description: zigbee
        ? 'virtual ZigBee coordinator: IKEA INSPELNING, Develco ZHEMI101, Tuya TS011F, SONOFF SNZB-02'
        : `${options.meters} simulated household meters`,
      location: { lat: 52.09 + n * 0.01, lon: 5.12 + n * 0.01, label: `Simulated home ${n}` },
    });
    kept.push({ id: issued.id, key: issued.key });
    writeState(path, [...kept, ...known.slice(kept.length)]);
  }
  writeState(path, kept);
  return kept;
}

/** Loaded only when asked for: the converter library is large. */
async function virtualZigbee(options: FleetOptions, gatewayId: string): Promise<FrameSource> {
  const { ZigbeeSource } = await import('../../infrastructure/zigbee/zigbee.source.js');
  const { parseZigbeeSettings } = await import('../../infrastructure/zigbee/zigbee-settings.js');
  const settings = parseZigbeeSettings({
    kind: 'zigbee',
    databasePath: join(options.stateDir, `zigbee-${gatewayId}.db`),
    virtual: {
      devices: ['ikea-inspelning', 'develco-zhemi101', 'tuya-ts011f', 'sonoff-snzb02'],
      simulateSeconds: Math.max(1, Math.round(options.intervalMs / 1000)),
    },
  });
  return new ZigbeeSource(settings, { logger: options.logger.child({ ns: 'wattlog:demo-zigbee' }) });
}

/** N gateway agents in this process, each with M simulated meters, a durable outbox and its own TLS-PSK session. */
export async function startSimulatedFleet(options: FleetOptions): Promise<RunningFleet> {
  const gateways = await ensureGateways(options);
  const running: { agent: GatewayAgent; source: FrameSource; outbox: DurableOutbox<OutboxEntry> }[] = [];
  for (const gateway of gateways) {
    const outbox = await DurableOutbox.open<OutboxEntry>(join(options.stateDir, `outbox-${gateway.id}`), {
      maxBytes: 64 * 1024 * 1024,
      logger: options.logger,
    });
    const source: FrameSource =
      options.kind === 'zigbee'
        ? await virtualZigbee(options, gateway.id)
        : new SimulatedMetersSource({ gatewayId: gateway.id, meters: options.meters, intervalMs: options.intervalMs });
    const agent = new GatewayAgent(
      {
        server: options.link,
        gatewayId: gateway.id,
        key: Buffer.from(gateway.key, 'hex'),
        agentVersion: AGENT_VERSION,
        batchIntervalMs: Math.min(1000, options.intervalMs),
      },
      { outbox, logger: options.logger, commands: driverCommands(source) },
    );
    agent.start();
    await source.start(agent);
    running.push({ agent, source, outbox });
  }
  return {
    gatewayIds: gateways.map((g) => g.id),
    agents: running.map((r) => r.agent),
    stop: async () => {
      for (const r of running) await r.source.stop();
      await Promise.all(running.map((r) => r.agent.stop()));
      await Promise.all(running.map((r) => r.outbox.close()));
    },
  };
}
