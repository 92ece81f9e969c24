import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { Zdo, ZSpec, type Controller } from 'zigbee-herdsman';
import type { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';

/** The channel a real network was moved to, beside herdsman's database, with the configured one it replaced. */
export interface MovedChannel {
  readonly channel: number;
  readonly configuredChannel: number;
  readonly movedAt: string;
}

export function movedChannelPath(databasePath: string): string {
  return join(dirname(databasePath), 'network-channel.json');
}

/**
 * The configured channel, unless the network was moved since (and gateway.json still names the channel it was moved
 * from): herdsman would otherwise move a resumed network back to the configured channel. Only for real coordinators;
 * a virtual network is formed anew at every start.
 */
export function startChannel(path: string, configured: number, logger: Logger): number {
  let moved: Partial<MovedChannel>;
  try {
    moved = JSON.parse(readFileSync(path, 'utf8')) as Partial<MovedChannel>;
  } catch {
    return configured;
  }
  if (moved.configuredChannel !== configured || typeof moved.channel !== 'number' || moved.channel < 11 || moved.channel > 26) return configured;
  logger.info({ channel: moved.channel, configuredChannel: configured, movedAt: moved.movedAt }, 'zigbee network starts on the channel it was moved to');
  return moved.channel;
}

export function rememberChannel(path: string, moved: MovedChannel): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(moved)}\n`);
  renameSync(temporary, path);
}

const CHANNEL_POLL_MS = 100;
/** Mgmt_NWK_Update_req scan duration that asks for a channel change (ZigBee spec 2.4.3.3.9). */
const CHANNEL_CHANGE_DURATION = 0xfe;

type NetworkParameters = Awaited<ReturnType<Adapter['getNetworkParameters']>>;

export interface ChannelMoveOptions {
  /** How long the coordinator may take to report the new channel. */
  readonly settleMs: number;
  /** False once the source stopped: the wait ends early. */
  readonly running: () => boolean;
  readonly logger: Logger;
}

/**
 * Moves the running network to `channel`. herdsman 10.9 changes channels only inside `Controller.start()` (its
 * `changeChannel` is private, run when the configured channel differs from a resumed network's), so the same
 * Mgmt_NWK_Update_req broadcast goes out through its public ZDO API (`sendRaw`); then the coordinator is asked
 * until it reports the new channel. The parameters are read from the adapter: the Controller caches its own for life.
 */
export async function moveToChannel(
  controller: Controller,
  adapter: Adapter,
  channel: number,
  { settleMs, running, logger }: ChannelMoveOptions,
): Promise<{ before: NetworkParameters; after: NetworkParameters }> {
  const before = await adapter.getNetworkParameters();
  if (before.channel !== channel) {
    logger.warn({ from: before.channel, to: channel }, 'zigbee network changing channel');
    await controller.sendRaw({
      profileId: Zdo.ZDO_PROFILE_ID,
      ieeeAddress: ZSpec.BLANK_EUI64,
      networkAddress: ZSpec.BroadcastAddress.SLEEPY,
      clusterKey: Zdo.ClusterId.NWK_UPDATE_REQUEST,
      zdoParams: [[channel], CHANNEL_CHANGE_DURATION, undefined, (before.nwkUpdateID + 1) & 0xff, undefined],
      disableResponse: true,
    });
    const deadline = Date.now() + settleMs;
    while ((await adapter.getNetworkParameters()).channel !== channel && Date.now() < deadline && running()) {
      await new Promise((resolve) => setTimeout(resolve, CHANNEL_POLL_MS));
    }
  }
  return { before, after: await adapter.getNetworkParameters() };
}
