import { Counter, Gauge, Registry } from 'prom-client';

export interface AgentMetrics {
  readonly framesSent: Counter<'gateway'>;
  readonly framesAcked: Counter<'gateway'>;
  readonly outboxDropped: Counter<'gateway'>;
  readonly payloadsRefused: Counter<'gateway' | 'reason'>;
  readonly outboxPending: Gauge<'gateway'>;
  readonly connected: Gauge<'gateway'>;
}

const byRegistry = new WeakMap<Registry, AgentMetrics>();

/** One set per registry, labelled by gateway, so many agents in one process (the simulator) can share it. */
export function agentMetrics(registry: Registry = new Registry()): AgentMetrics {
  const existing = byRegistry.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: AgentMetrics = {
    framesSent: new Counter({
      name: 'wattlog_agent_frames_sent_total',
      help: 'Frames written to the link (resends included)',
      labelNames: ['gateway'],
      registers,
    }),
    framesAcked: new Counter({
      name: 'wattlog_agent_frames_acked_total',
      help: 'Frames the server acknowledged as stored',
      labelNames: ['gateway'],
      registers,
    }),
    outboxDropped: new Counter({
      name: 'wattlog_agent_outbox_dropped_frames_total',
      help: 'Unacknowledged frames dropped because the outbox reached its size limit (oldest first)',
      labelNames: ['gateway'],
      registers,
    }),
    payloadsRefused: new Counter({
      name: 'wattlog_agent_payloads_refused_total',
      help: 'Driver payloads refused before the outbox (not serialisable, too deep, too large)',
      labelNames: ['gateway', 'reason'],
      registers,
    }),
    outboxPending: new Gauge({
      name: 'wattlog_agent_outbox_pending_frames',
      help: 'Frames in the outbox not yet acknowledged',
      labelNames: ['gateway'],
      registers,
    }),
    connected: new Gauge({
      name: 'wattlog_agent_connected',
      help: '1 while a link session is accepted',
      labelNames: ['gateway'],
      registers,
    }),
  };
  byRegistry.set(registry, metrics);
  return metrics;
}
