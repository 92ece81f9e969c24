import type { DeviceCommandOutcome, DeviceConfiguration } from '../../application/ports/frame-source.port.js';
import { changeProblems } from '../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange } from '../../domain/devices/node-configuration.events.js';
import { REPORTING_ATTRIBUTES } from '../zigbee/zigbee-configuration.js';
import type { BridgeRequests } from './zigbee2mqtt-bridge-requests.js';

const BRIDGE_ANSWER_MS = 8000;

function refusal(change: Exclude<NodeConfigurationChange, { kind: 'reporting' }>): string {
  switch (change.kind) {
    case 'firmware_update':
      return 'firmware update not supported by the zigbee2mqtt driver';
    case 'poll_interval':
      return 'zigbee2mqtt devices report on their own; set reporting per quantity instead of a poll interval';
    case 'alarm_power_above':
    case 'alarm_voltage_band':
      return 'alarms are evaluated by the server, not by the device';
  }
}

/**
 * Reporting changes go to the bridge as `bridge/request/device/configure_reporting` (the device's ZCL cluster and
 * attribute); applied only when the bridge answers ok, as it relays the device's configureReporting response.
 * `publish` is null while the broker is not connected.
 */
export async function configureThroughBridge(
  bridge: BridgeRequests,
  publish: ((payload: string) => Promise<void>) | null,
  request: DeviceConfiguration,
  broker: string,
): Promise<DeviceCommandOutcome> {
  const change = request.settings.change as NodeConfigurationChange | undefined;
  if (typeof change !== 'object' || change === null || changeProblems(change).length > 0) {
    return { ok: false, detail: 'config takes settings.change, a valid node configuration change' };
  }
  if (change.kind !== 'reporting') return { ok: false, detail: refusal(change) };
  if (!publish) return { ok: false, detail: `zigbee2mqtt: not connected to the broker ${broker}` };
  const { cluster, attribute } = REPORTING_ATTRIBUTES[change.quantity];
  const answer = await bridge.request(
    publish,
    {
      id: request.target,
      cluster,
      attribute,
      minimum_report_interval: change.minIntervalS,
      maximum_report_interval: change.maxIntervalS,
      reportable_change: change.reportableChange,
    },
    BRIDGE_ANSWER_MS,
  );
  return answer.ok
    ? {
        ok: true,
        detail: `${cluster}.${attribute} of ${request.target}: min ${change.minIntervalS} s, max ${change.maxIntervalS} s, change ${change.reportableChange} (bridge: ok)`,
      }
    : { ok: false, detail: `zigbee2mqtt: ${answer.detail}` };
}
