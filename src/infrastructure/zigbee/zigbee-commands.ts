import {
  NETWORK_CONFIG_ACTION,
  type DeviceCommand,
  type DeviceCommandOutcome,
} from '../../application/ports/frame-source.port.js';

/** What an on/off switch cluster is asked to do. */
export type OnOffAction = 'on' | 'off' | 'toggle';

/** The coordinator's network as it reports it (herdsman's `getNetworkParameters`). */
export interface ZigbeeNetworkParameters {
  readonly channel: number;
  readonly panId: number;
  readonly extendedPanId: string;
  readonly nwkUpdateId: number;
}

/** What a ZigBee driver must offer for the commands the server sends down. */
export interface ZigbeeCommandTarget {
  permitJoin(seconds: number): Promise<void>;
  /** Whether joining is open now, and until when (the controller's own timer). */
  permitJoinState(): { readonly open: boolean; readonly until: string | null };
  /** Moves the running network to `channel`; resolves with what the coordinator reports afterwards. */
  changeChannel(channel: number): Promise<ZigbeeNetworkParameters>;
  setOnOff(ieee: string, endpointId: number, action: OnOffAction): Promise<void>;
}

const SWITCH_STATES: Readonly<Record<string, OnOffAction>> = { on: 'on', off: 'off', toggle: 'toggle' };
const NETWORK_CHANGE_USAGE = `${NETWORK_CONFIG_ACTION} takes params.change { kind: "permit_join", seconds: 0..254 } or { kind: "channel", channel: 11..26 }`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const integerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * A network change from the server. The outcome's report is what the coordinator says afterwards, not the request
 * echoed: joining open and until when, or the channel it now runs on.
 */
async function applyNetworkChange(target: ZigbeeCommandTarget, change: unknown): Promise<DeviceCommandOutcome> {
  if (!isRecord(change)) return { ok: false, detail: NETWORK_CHANGE_USAGE };
  switch (change.kind) {
    case 'permit_join': {
      if (!integerIn(change.seconds, 0, 254)) return { ok: false, detail: NETWORK_CHANGE_USAGE };
      await target.permitJoin(change.seconds);
      const state = target.permitJoinState();
      const detail = state.open ? `joining permitted until ${state.until ?? 'further notice'}` : 'joining closed';
      return { ok: true, detail, report: { kind: 'permit_join', ...state } };
    }
    case 'channel': {
      if (!integerIn(change.channel, 11, 26)) return { ok: false, detail: NETWORK_CHANGE_USAGE };
      const network = await target.changeChannel(change.channel);
      const report = { kind: 'channel', ...network };
      if (network.channel !== change.channel)
        return {
          ok: false,
          detail: `the coordinator still reports channel ${network.channel} after the change to ${change.channel}`,
          report,
        };
      return {
        ok: true,
        detail: `the coordinator runs on channel ${network.channel} (nwkUpdateId ${network.nwkUpdateId})`,
        report,
      };
    }
    default:
      return { ok: false, detail: NETWORK_CHANGE_USAGE };
  }
}

/**
 * `network_config` { change } on the gateway (the server's network configuration requests); `permit_join` { seconds }
 * on the gateway (what servers before network configuration requests send); `switch` { state: on|off|toggle } on
 * `<ieee>/<endpoint>` (endpoint 1 when left out). The device's own answer decides the outcome; a bad request is
 * refused without touching the network.
 */
export async function applyZigbeeCommand(
  target: ZigbeeCommandTarget,
  command: DeviceCommand,
): Promise<DeviceCommandOutcome> {
  switch (command.action) {
    case NETWORK_CONFIG_ACTION:
      return applyNetworkChange(target, command.params?.change);
    case 'permit_join': {
      const seconds = command.params?.seconds ?? 60;
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > 254) {
        return { ok: false, detail: 'permit_join takes params.seconds from 0 to 254' };
      }
      await target.permitJoin(seconds);
      return { ok: true, detail: seconds > 0 ? `joining permitted for ${seconds} s` : 'joining closed' };
    }
    case 'switch': {
      const state = SWITCH_STATES[String(command.params?.state)];
      if (!state) return { ok: false, detail: 'switch takes params.state on, off or toggle' };
      const [ieee, endpoint = '1'] = command.target.split('/');
      if (!ieee || !/^0x[0-9a-fA-F]{16}$/.test(ieee) || !/^\d{1,3}$/.test(endpoint)) {
        return { ok: false, detail: `switch targets <ieee>/<endpoint>, got ${JSON.stringify(command.target)}` };
      }
      await target.setOnOff(ieee, Number(endpoint), state);
      return { ok: true, detail: `${ieee}/${endpoint} ${state}` };
    }
    default:
      return { ok: false, detail: `the zigbee driver has no command ${JSON.stringify(command.action)}` };
  }
}
