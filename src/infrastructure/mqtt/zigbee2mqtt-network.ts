import type { DeviceCommandOutcome } from '../../application/ports/frame-source.port.js';
import type { BridgeRequests } from './zigbee2mqtt-bridge-requests.js';

const BRIDGE_ANSWER_MS = 8000;
const USAGE = 'network_config takes params.change { kind: "permit_join", seconds: 0..254 } on a zigbee2mqtt gateway';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The seconds joining stays open as the bridge confirmed them: `time` (zigbee2mqtt 2.x), or `value`/`time` (1.x). */
function confirmedSeconds(data: unknown, asked: number): number | null {
  if (!isRecord(data)) return null;
  if (data.value === false) return 0;
  if (typeof data.time === 'number' && Number.isFinite(data.time)) return Math.max(0, Math.round(data.time));
  if (data.value === true) return asked;
  return null;
}

/**
 * Permit join through the bridge's `bridge/request/permit_join`, sent with both the 2.x field (`time`, 0 closes) and
 * the 1.x one (`value`). Applied on the bridge's ok with the time it confirmed — what zigbee2mqtt itself will do —
 * not on the request echoed back. The channel is zigbee2mqtt's own configuration and is refused here.
 * `publish` is null while the broker is not connected.
 */
export async function networkChangeThroughBridge(
  bridge: BridgeRequests,
  publish: ((payload: string) => Promise<void>) | null,
  change: unknown,
  broker: string,
  now: () => number = Date.now,
): Promise<DeviceCommandOutcome> {
  if (!isRecord(change)) return { ok: false, detail: USAGE };
  if (change.kind === 'channel') {
    return {
      ok: false,
      detail: 'zigbee2mqtt changes its channel only from its own configuration and a restart; set it there',
    };
  }
  const seconds = change.seconds;
  if (
    change.kind !== 'permit_join' ||
    typeof seconds !== 'number' ||
    !Number.isInteger(seconds) ||
    seconds < 0 ||
    seconds > 254
  ) {
    return { ok: false, detail: USAGE };
  }
  if (!publish) return { ok: false, detail: `zigbee2mqtt: not connected to the broker ${broker}` };
  const answer = await bridge.request(publish, { time: seconds, value: seconds > 0 }, BRIDGE_ANSWER_MS);
  if (!answer.ok) return { ok: false, detail: `zigbee2mqtt refused permit join: ${answer.detail}` };
  const confirmed = confirmedSeconds(answer.data, seconds);
  if (confirmed === null)
    return {
      ok: false,
      detail: `zigbee2mqtt answered permit join without saying for how long: ${JSON.stringify(answer.data)}`,
    };
  const open = confirmed > 0;
  const until = open ? new Date(now() + confirmed * 1000).toISOString() : null;
  return {
    ok: true,
    detail: open ? `zigbee2mqtt permits joining for ${confirmed} s, until ${until}` : 'zigbee2mqtt closed joining',
    report: { kind: 'permit_join', open, until },
  };
}
