import type { Summarizer } from '../../audit/summarizer.js';

// A summary must never throw: the audit projection applies every event, whatever shape an old one has.
const text = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '?';

function change(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '?';
  const { kind, seconds, channel } = value as Record<string, unknown>;
  if (kind === 'permit_join') return seconds === 0 ? 'close joining' : `permit joining for ${text(seconds)} s`;
  if (kind === 'channel') return `move to channel ${text(channel)}`;
  return '?';
}

function report(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '?';
  const r = value as Record<string, unknown>;
  if (r.kind === 'permit_join') return r.open === true ? `joining open until ${text(r.until)}` : 'joining closed';
  if (r.kind === 'channel') return `coordinator on channel ${text(r.channel)} (nwkUpdateId ${text(r.nwkUpdateId)})`;
  return '?';
}

/** Audit-trail lines for network configuration (permit join, channel) of a gateway. */
export const networkConfigurationSummaries: Readonly<Record<string, Summarizer>> = {
  NetworkConfigurationRequested: (d) =>
    `${change(d.change)} on gateway ${text(d.gatewayId)} by ${text(d.requestedBy)}${d.reason ? ` (${text(d.reason)})` : ''}, expires ${text(d.expiresAt)}`,
  NetworkConfigurationSent: (d) => `${text(d.field)} request ${text(d.requestId)} sent to gateway ${text(d.gatewayId)}`,
  NetworkConfigurationApplied: (d) => `${text(d.field)} of gateway ${text(d.gatewayId)} applied: ${report(d.applied)}`,
  NetworkConfigurationRejected: (d) => `${text(d.field)} of gateway ${text(d.gatewayId)} rejected: ${text(d.detail)}`,
  NetworkConfigurationTimedOut: (d) => `${text(d.field)} of gateway ${text(d.gatewayId)} timed out`,
};
