import type { RecordedEvent } from '../ports/event-store.port.js';

const MAX_SUMMARY = 200;
// Events never carry secrets by design; this is a second line of defence for the audit trail.
const HIDDEN_KEYS = /(secret|password|key$|token)/i;

type Summarizer = (data: Record<string, unknown>) => string;

const summarizers = new Map<string, Summarizer>();

/** Contexts register a human summary for their event types; others get a compact data preview. */
export function registerSummary(type: string, summarize: Summarizer): void {
  summarizers.set(type, summarize);
}

function preview(data: unknown): string {
  if (data === null || typeof data !== 'object') return JSON.stringify(data) ?? '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (HIDDEN_KEYS.test(key)) continue;
    const text = typeof value === 'object' && value !== null ? (Array.isArray(value) ? `[${value.length}]` : '{…}') : String(value);
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
