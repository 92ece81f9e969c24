import type { ActuatorCommandView } from '../../control/actuator-command-view.js';
import type { RecordedEvent } from '../../ports/event-store.port.js';
import type { SensorAnnotation } from './list-sensor-annotations.query.js';

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** The time the event itself names (when it happened), else when it was stored. */
function timeOf(event: RecordedEvent, field: string): string {
  const value = ((event.data ?? {}) as Record<string, unknown>)[field];
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString()
    : event.recordedAt;
}

/** A gateway's link coming and going: when its readings could (not) arrive. */
export function gatewayAnnotation(event: RecordedEvent): SensorAnnotation | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.type === 'LinkSessionOpened')
    return { at: timeOf(event, 'at'), kind: 'gateway_online', label: `gateway ${text(data.gatewayId)} online` };
  if (event.type === 'LinkSessionClosed') {
    const reason = text(data.reason);
    return {
      at: timeOf(event, 'at'),
      kind: 'gateway_offline',
      label: `gateway ${text(data.gatewayId)} offline${reason ? ` (${reason})` : ''}`,
    };
  }
  return null;
}

function changeText(change: unknown): string {
  if (typeof change !== 'object' || change === null) return '';
  return Object.entries(change)
    .filter(([key]) => key !== 'kind')
    .map(([key, value]) => `${key} ${typeof value === 'boolean' ? String(value) : text(value)}`)
    .join(', ');
}

/** A node's configuration as the device confirmed (or refused) it; a firmware update is its own kind. */
export function nodeAnnotation(event: RecordedEvent): SensorAnnotation | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const field = text(data.field);
  const kind = field === 'firmware' ? 'firmware' : 'configuration';
  if (event.type === 'NodeConfigurationApplied') {
    const applied = data.applied as Record<string, unknown> | undefined;
    const label =
      kind === 'firmware'
        ? `firmware ${text(applied?.version)} installed`
        : `${field} set: ${changeText(applied)} (asked by ${text(data.requestedBy)})`;
    return { at: timeOf(event, 'appliedAt'), kind, label };
  }
  if (event.type === 'NodeConfigurationRejected')
    return { at: timeOf(event, 'rejectedAt'), kind, label: `${field} refused by the device: ${text(data.detail)}` };
  return null;
}

const OUTCOME: Record<string, string> = {
  requested: 'waiting for the gateway',
  dispatched: 'sent, waiting for the device',
  acknowledged: 'applied',
  failed: 'failed',
  timed_out: 'timed out',
};

/** A switch command at the moment it was asked, with who asked, from where and how it ended. */
export function commandAnnotation(command: ActuatorCommandView): SensorAnnotation {
  return {
    at: command.requestedAt,
    kind: 'command',
    label: `switch ${command.action} by ${command.requestedBy} (${command.origin}): ${OUTCOME[command.status] ?? command.status}`,
  };
}
