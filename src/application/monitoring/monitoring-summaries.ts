import type { Summarizer } from '../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '?');

function setting(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '?';
  const s = value as Record<string, unknown>;
  return s.kind === 'alarm_voltage_band'
    ? `${text(s.minV)}–${text(s.maxV)} V`
    : `${text(s.thresholdW)} W for ${text(s.forSeconds)} s`;
}

/** Audit-trail lines for alarms. */
export const monitoringSummaries: Readonly<Record<string, Summarizer>> = {
  AlarmRaised: (d) =>
    `${text(d.kind)} on ${text(d.sensorId)}: ${text(d.value)} ${text(d.unit)} against ${setting(d.setting)}, since ${text(d.since)}, raised at ${text(d.raisedAt)}`,
  AlarmCleared: (d) =>
    `${text(d.kind)} on ${text(d.sensorId)} cleared (${text(d.reason)}) at ${text(d.clearedAt)}, peak ${text(d.peak)} ${text(d.unit)}`,
};
