import { Zdo, ZSpec, type AdapterTypes } from 'zigbee-herdsman';

/** Mgmt_NWK_Update_req scan duration that asks for a channel change (ZigBee spec 2.4.3.3.9). */
const CHANNEL_CHANGE_DURATION = 0xfe;

export interface ChannelChange {
  readonly channel: number;
  readonly nwkUpdateId: number;
}

/**
 * The channel change a broadcast Mgmt_NWK_Update_req asks for: a single channel with the change duration. Without
 * an update id in the request the network's current one goes up by one. Undefined for scans and multi-channel masks.
 */
export function requestedChannelChange(request: Buffer, currentNwkUpdateId: number): ChannelChange | undefined {
  const reader = new Zdo.Buffalo(request, Zdo.ZDO_MESSAGE_OVERHEAD);
  const channels = ZSpec.Utils.uint32MaskToChannels(reader.readUInt32());
  const duration = reader.readUInt8();
  const [channel] = channels;
  if (duration !== CHANNEL_CHANGE_DURATION || channels.length !== 1 || channel === undefined) return undefined;
  const nwkUpdateId = reader.isMore() ? reader.readUInt8() : (currentNwkUpdateId + 1) & 0xff;
  return { channel, nwkUpdateId };
}

/** What the coordinator reports of its network: the configured PAN ids, and the channel it is on now. */
export function networkParameters(
  options: AdapterTypes.NetworkOptions,
  channel: number,
  nwkUpdateId: number,
): AdapterTypes.NetworkParameters {
  return { panID: options.panID, extendedPanID: hex(options.extendedPanID ?? []), channel, nwkUpdateID: nwkUpdateId };
}

function hex(bytes: readonly number[]): string {
  return `0x${bytes.map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
