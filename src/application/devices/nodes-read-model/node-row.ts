export type NodeStatus = 'joined' | 'interviewed' | 'left';
export type NodeAvailability = 'online' | 'offline';

/** One row of the `nodes` read model; times are ISO-8601 UTC strings. */
export interface NodeRow {
  readonly nodeId: string;
  readonly gatewayId: string;
  readonly protocol: string | null;
  readonly model: string | null;
  readonly vendor: string | null;
  readonly firmware: string | null;
  readonly status: NodeStatus;
  readonly linkQuality: number | null;
  readonly availability: NodeAvailability | null;
  readonly joinedAt: string | null;
  readonly interviewedAt: string | null;
  readonly leftAt: string | null;
  readonly lastSeenAt: string | null;
}

/** What the nodes read model learns from one event, already reduced to one node. */
export type NodeFact =
  | {
      readonly kind: 'joined' | 'left';
      readonly nodeId: string;
      readonly gatewayId: string;
      readonly at: string | null;
    }
  | {
      readonly kind: 'interviewed';
      readonly nodeId: string;
      readonly gatewayId: string;
      readonly at: string | null;
      readonly model?: string;
      readonly vendor?: string;
      readonly firmware?: string;
    }
  | {
      readonly kind: 'link_quality';
      readonly nodeId: string;
      readonly gatewayId: string;
      readonly at: string | null;
      readonly linkQuality?: number;
      readonly availability?: NodeAvailability;
    }
  /** The node's readings in one frame: the newest measuredAt and the protocol they came through. */
  | {
      readonly kind: 'readings';
      readonly nodeId: string;
      readonly gatewayId: string;
      readonly lastMeasuredAt: string;
      readonly protocol: string;
    };

/** Last seen only moves forward: a frame replayed from an outbox or a late event must not make a node look silent. */
function later(current: string | null, candidate: string | null): string | null {
  if (candidate === null) return current;
  if (current === null) return candidate;
  return Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

function newNode(fact: NodeFact): NodeRow {
  return {
    nodeId: fact.nodeId,
    gatewayId: fact.gatewayId,
    protocol: null,
    model: null,
    vendor: null,
    firmware: null,
    status: fact.kind === 'left' ? 'left' : 'joined',
    linkQuality: null,
    availability: null,
    joinedAt: null,
    interviewedAt: null,
    leftAt: null,
    lastSeenAt: null,
  };
}

/**
 * Pure fold of one fact into a node's row. Lifecycle follows log order (a gateway's node events are in its frame
 * sequence); the node belongs to the gateway that reported it last. Being heard (a reading, a join, an interview,
 * a link-quality report) moves last seen; a leave and an availability change do not.
 */
export function evolveNode(row: NodeRow | undefined, fact: NodeFact): NodeRow {
  const base: NodeRow = { ...(row ?? newNode(fact)), gatewayId: fact.gatewayId };
  switch (fact.kind) {
    case 'joined':
      return {
        ...base,
        status: 'joined',
        joinedAt: fact.at ?? base.joinedAt,
        lastSeenAt: later(base.lastSeenAt, fact.at),
      };
    case 'interviewed':
      return {
        ...base,
        status: 'interviewed',
        model: fact.model ?? base.model,
        vendor: fact.vendor ?? base.vendor,
        firmware: fact.firmware ?? base.firmware,
        interviewedAt: fact.at ?? base.interviewedAt,
        lastSeenAt: later(base.lastSeenAt, fact.at),
      };
    case 'left':
      return { ...base, status: 'left', leftAt: fact.at ?? base.leftAt };
    case 'link_quality':
      return {
        ...base,
        linkQuality: fact.linkQuality ?? base.linkQuality,
        availability: fact.availability ?? base.availability,
        lastSeenAt: fact.linkQuality === undefined ? base.lastSeenAt : later(base.lastSeenAt, fact.at),
      };
    case 'readings':
      return { ...base, protocol: fact.protocol, lastSeenAt: later(base.lastSeenAt, fact.lastMeasuredAt) };
    default:
      return fact satisfies never;
  }
}
