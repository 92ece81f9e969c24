import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');

function change(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '?';
  return Object.entries(value)
    .map(([k, v]) => `${k}=${text(v)}`)
    .join(' ');
}

/** Audit-trail lines for actuator commands and configuration changes. */
export const controlSummaries: Readonly<Record<string, Summarizer>> = {
  ActuatorCommandRequested: (d) =>
    `${text(d.action)} ${text(d.sensorId)} by ${text(d.requestedBy)}${d.reason ? ` (${text(d.reason)})` : ''}, expires ${text(d.expiresAt)}`,
  ActuatorCommandDispatched: (d) => `command ${text(d.commandId)} sent to gateway ${text(d.gatewayId)}`,
  ActuatorCommandUndelivered: (d) => `command ${text(d.commandId)} not delivered: ${text(d.detail)}`,
  ActuatorCommandAcknowledged: (d) =>
    `command ${text(d.commandId)} confirmed: state ${text(d.state)} reported at ${text(d.reportedAt)}`,
  ActuatorCommandFailed: (d) => `command ${text(d.commandId)} failed (${text(d.reason)}): ${text(d.detail)}`,
  ActuatorCommandTimedOut: (d) => `command ${text(d.commandId)} timed out while ${text(d.lastStatus)}`,
  ActuatorReserved: (d) => `${text(d.sensorId)} reserved for command ${text(d.commandId)}`,
  NodeConfigurationRequested: (d) =>
    `${text(d.field)} of ${text(d.nodeId)} by ${text(d.requestedBy)}: ${change(d.change)}${d.reason ? ` (${text(d.reason)})` : ''}`,
  NodeConfigurationSent: (d) => `request ${text(d.requestId)} sent for ${text(d.nodeId)}`,
  NodeConfigurationApplied: (d) => `${text(d.field)} of ${text(d.nodeId)} applied: ${text(d.confirmation)}`,
  NodeConfigurationRejected: (d) => `${text(d.field)} of ${text(d.nodeId)} rejected: ${text(d.detail)}`,
  NodeConfigurationTimedOut: (d) => `${text(d.field)} of ${text(d.nodeId)} timed out`,
  GatewayDetailsChanged: (d) =>
    `gateway ${text(d.gatewayId)} ${Array.isArray(d.changedFields) ? d.changedFields.join(', ') : '?'} changed; name=${text(d.name)}`,
};
