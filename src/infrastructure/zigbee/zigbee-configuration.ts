import type { DeviceCommandOutcome, DeviceConfiguration } from '../../application/ports/frame-source.port.js';
import { changeProblems } from '../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationChange, ReportableQuantity } from '../../domain/devices/node-configuration.events.js';

/** The ZCL attribute that carries each reportable quantity, as the converters read it. */
export const REPORTING_ATTRIBUTES: Readonly<
  Record<ReportableQuantity, { readonly cluster: string; readonly attribute: string }>
> = {
  power: { cluster: 'haElectricalMeasurement', attribute: 'activePower' },
  voltage: { cluster: 'haElectricalMeasurement', attribute: 'rmsVoltage' },
  current: { cluster: 'haElectricalMeasurement', attribute: 'rmsCurrent' },
  energyImported: { cluster: 'seMetering', attribute: 'currentSummDelivered' },
  temperature: { cluster: 'msTemperatureMeasurement', attribute: 'measuredValue' },
  switchState: { cluster: 'genOnOff', attribute: 'onOff' },
};

export interface ReportingRequest {
  readonly cluster: string;
  readonly attribute: string;
  readonly minimumReportInterval: number;
  readonly maximumReportInterval: number;
  readonly reportableChange: number;
}

/** What a ZigBee driver must offer to configure a node. */
export interface ZigbeeConfigurationTarget {
  /** Resolves with the endpoint that took it; throws with the device's refusal. */
  configureReporting(ieee: string, request: ReportingRequest): Promise<number>;
  /** The model's OTA support as its converter definition states it; undefined for an unknown device. */
  otaSupport(ieee: string): Promise<{ readonly model: string; readonly ota: boolean } | undefined>;
  /** Whether gateway.json names an OTA image source for this driver. */
  readonly hasOtaSource: boolean;
  /** Runs the OTA update to `version`; applied only once the device reports the new file version. */
  updateFirmware(ieee: string, version: string): Promise<DeviceCommandOutcome>;
}

function isChange(value: unknown): value is NodeConfigurationChange {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return changeProblems(value as NodeConfigurationChange).length === 0;
  } catch {
    return false;
  }
}

/**
 * Reporting changes go to the device as ZCL configureReporting and count as applied only on its SUCCESS answer.
 * Firmware updates run over ZigBee OTA for devices whose definition supports it, from the gateway's configured image
 * source; anything else is "not supported" with the reason. Alarms are the server's to evaluate.
 */
export async function applyZigbeeConfiguration(
  target: ZigbeeConfigurationTarget,
  request: DeviceConfiguration,
): Promise<DeviceCommandOutcome> {
  const change = request.settings.change;
  if (!isChange(change))
    return { ok: false, detail: 'config takes settings.change, a valid node configuration change' };
  const ieee = request.target;
  if (!/^0x[0-9a-f]{16}$/.test(ieee))
    return { ok: false, detail: `config targets an IEEE address, got ${JSON.stringify(ieee)}` };
  switch (change.kind) {
    case 'reporting': {
      const { cluster, attribute } = REPORTING_ATTRIBUTES[change.quantity];
      const endpoint = await target.configureReporting(ieee, {
        cluster,
        attribute,
        minimumReportInterval: change.minIntervalS,
        maximumReportInterval: change.maxIntervalS,
        reportableChange: change.reportableChange,
      });
      return {
        ok: true,
        detail: `${cluster}.${attribute} on endpoint ${endpoint}: min ${change.minIntervalS} s, max ${change.maxIntervalS} s, change ${change.reportableChange} (SUCCESS)`,
      };
    }
    case 'firmware_update': {
      const support = await target.otaSupport(ieee);
      if (!support)
        return { ok: false, detail: `firmware update not supported: ${ieee} has no known device definition` };
      if (!support.ota)
        return { ok: false, detail: `firmware update not supported: ${support.model} has no OTA support` };
      if (!target.hasOtaSource)
        return {
          ok: false,
          detail: `firmware update not supported on this gateway: no OTA image source is configured for ${support.model}`,
        };
      return target.updateFirmware(ieee, change.version);
    }
    case 'alarm_power_above':
    case 'alarm_voltage_band':
      return { ok: false, detail: 'alarms are evaluated by the server, not by the device' };
    case 'poll_interval':
      return {
        ok: false,
        detail: 'ZigBee devices report on their own; set reporting per quantity instead of a poll interval',
      };
  }
}
