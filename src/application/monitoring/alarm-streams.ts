import type { AlarmEvent, AlarmKind } from '../../domain/monitoring/alarm.events.js';
import { derivedUuid } from '../shared/derived-uuid.js';

export const ALARM_STREAM_PREFIX = 'alarm-';
export const ALARM_SCHEMA_VERSION = 1;
/** The actor of every alarm event: the server's evaluation, on behalf of the setting's author. */
export const ALARM_ACTOR = 'system:alarm-evaluation';

/**
 * One stream per node: both alarm kinds of the node, in the order they were decided. Alarms are rare next to
 * readings (a raise and a clear per incident), the evaluator never folds the stream to decide — its state lives with
 * its checkpoint — and a node's alarm history is then one read. A period stream would only pay off for a volume
 * alarms do not have; a flapping sensor is the one case that grows it quickly (see docs/control.md).
 */
export function alarmStream(nodeId: string): string {
  return `${ALARM_STREAM_PREFIX}${nodeId}`;
}

/** The id an alarm raised by this reading would get: stable for the reading's event, sensor and kind. */
export function alarmIdFor(readingEventId: string, sensorId: string, kind: AlarmKind): string {
  return derivedUuid(`wattlog:alarm:${readingEventId}:${sensorId}:${kind}`);
}

/** An alarm is raised once and cleared once, so its id and the event type name each event for good. */
export function alarmEventId(event: AlarmEvent): string {
  return derivedUuid(`wattlog:alarm-event:${event.data.alarmId}:${event.type}`);
}
