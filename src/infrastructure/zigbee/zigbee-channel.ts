import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { Zdo, ZSpec, type Controller } from 'zigbee-herdsman';
import type { Adapter } from 'zigbee-herdsman/dist/adapter/adapter.js';
import { RememberedSetting } from '../agent-state/remembered-setting.js';

/** A ZigBee channel number, or a clear error. */
export function checkChannel(channel: number): number {
  if (!Number.isInteger(channel) || channel < 11 || channel > 26)
    throw new RangeError(`a ZigBee channel is 11..26, got ${channel}`);
  return channel;
}

/**
 * The channel a real network was moved to, kept beside herdsman's database: herdsman would otherwise move a resumed
 * network back to the configured channel at the next start. A file of the earlier shape
 * (`{ channel, configuredChannel, movedAt }`) is carried over into the shared one first.
 */
export function channelMemory(databasePath: string, logger: Logger): RememberedSetting {
  const path = join(dirname(databasePath), 'network-channel.json');
  const memory = new RememberedSetting(path, 'zigbee channel', logger);
  let earlier: { channel?: unknown; configuredChannel?: unknown; movedAt?: unknown; value?: unknown };
  try {
    earlier = JSON.parse(readFileSync(path, 'utf8')) as typeof earlier;
  } catch {
    return memory;
  }
  if (
    earlier.value === undefined &&
    typeof earlier.channel === 'number' &&
    typeof earlier.configuredChannel === 'number'
  ) {
    const movedAt = typeof earlier.movedAt === 'string' ? Date.parse(earlier.movedAt) : NaN;
    memory.remember(earlier.channel, earlier.configuredChannel, Number.isNaN(movedAt) ? new Date() : new Date(movedAt));
  }
  return memory;
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
