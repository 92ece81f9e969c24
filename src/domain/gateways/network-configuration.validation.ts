import { assertNever } from '../shared/decider.js';
import {
  NETWORK_LIMITS,
  type NetworkConfigurationChange,
  type NetworkConfigurationReport,
} from './network-configuration.events.js';

export function integerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Why a change cannot be asked for; empty when it can. */
export function networkChangeProblems(change: NetworkConfigurationChange): string[] {
  switch (change.kind) {
    case 'permit_join': {
      const { min, max } = NETWORK_LIMITS.permitJoinSeconds;
      return integerIn(change.seconds, min, max) ? [] : [`seconds must be an integer from ${min} to ${max}`];
    }
    case 'channel': {
      const { min, max } = NETWORK_LIMITS.channel;
      return integerIn(change.channel, min, max) ? [] : [`channel must be a ZigBee channel from ${min} to ${max}`];
    }
    default:
      return assertNever(change);
  }
}

/** Why a coordinator's report cannot be taken as it stands; empty when it can. */
export function networkReportProblems(report: NetworkConfigurationReport): string[] {
  switch (report.kind) {
    case 'permit_join':
      return report.until === null || !Number.isNaN(Date.parse(report.until))
        ? []
        : ['until must be an ISO-8601 time or null'];
    case 'channel':
      return [
        ...(integerIn(report.channel, NETWORK_LIMITS.channel.min, NETWORK_LIMITS.channel.max)
          ? []
          : ['channel is not a ZigBee channel']),
        ...(integerIn(report.panId, 0, 0xffff) ? [] : ['panId is not a 16-bit number']),
        ...(report.extendedPanId.length <= 32 ? [] : ['extendedPanId is too long']),
        ...(integerIn(report.nwkUpdateId, 0, 0xff) ? [] : ['nwkUpdateId is not an 8-bit number']),
      ];
    default:
      return assertNever(report);
  }
}
