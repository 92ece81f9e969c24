import { accessSummaries } from '../access/access-summaries.js';
import { controlSummaries } from '../control/control-summaries.js';
import { dashboardsSummaries } from '../dashboards/dashboards-summaries.js';
import { marketSummaries } from '../market/market-summaries.js';
import { monitoringSummaries } from '../monitoring/monitoring-summaries.js';
import { networkConfigurationSummaries } from '../gateways/network-configuration/network-summaries.js';
import { meteringSummaries } from '../metering/metering-summaries.js';
import type { RecordedEvent } from '../ports/event-store.port.js';
import type { Summarizer } from './summarizer.js';

const MAX_SUMMARY = 200;
// Events never carry secrets by design; this is a second line of defence for the audit trail.
const HIDDEN_KEYS = /(secret|password|key$|token)/i;

/** Contexts give their event types a human summary here; other events get a compact preview of their data. */
const summarizers = new Map<string, Summarizer>(
  Object.entries({
    ...meteringSummaries,
    ...accessSummaries,
    ...controlSummaries,
    ...networkConfigurationSummaries,
    ...monitoringSummaries,
    ...dashboardsSummaries,
    ...marketSummaries,
  }),
);

function preview(data: unknown): string {
  if (data === null || typeof data !== 'object') return JSON.stringify(data) ?? '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (HIDDEN_KEYS.test(key)) continue;
    const text =
      typeof value === 'object' && value !== null
        ? Array.isArray(value)
          ? `[${value.length}]`
          : '{…}'
        : String(value);
    parts.push(`${key}=${text}`);
  }
  return parts.join(' ');
}

export function summarizeEvent(event: RecordedEvent): string {
  const custom = summarizers.get(event.type);
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = custom ? custom(data) : preview(data);
  const full = text ? `${event.type}: ${text}` : event.type;
  return full.length > MAX_SUMMARY ? `${full.slice(0, MAX_SUMMARY - 1)}…` : full;
}
