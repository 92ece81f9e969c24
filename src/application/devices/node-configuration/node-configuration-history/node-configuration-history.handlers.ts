import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  nodeConfigurationDecider,
  type NodeConfigurationState,
} from '../../../../domain/devices/node-configuration.decider.js';
import type { NodeConfigurationEvent } from '../../../../domain/devices/node-configuration.events.js';
import { ObjectNotVisibleError } from '../../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { CLOCK, type Clock } from '../../../ports/clock.port.js';
import { EVENT_STORE, type EventStore } from '../../../ports/event-store.port.js';
import { loadStream } from '../../../shared/decider-command.js';
import { NODE_CONFIGURATION_EVENTS, nodeStream } from '../node-stream.js';
import { NODE_DIRECTORY, type NodeDirectory } from '../ports/node-directory.port.js';
import {
  GetNodeConfiguration,
  ListNodeConfigurationChanges,
  type ConfigurationChange,
  type NodeConfigurationField,
  type NodeConfigurationView,
} from './node-configuration-history.queries.js';

async function visibleNode(
  policy: AccessPolicy,
  nodes: NodeDirectory,
  principal: GetNodeConfiguration['principal'],
  nodeId: string,
): Promise<string> {
  const node = await nodes.find(nodeId);
  if (!node) throw new ObjectNotVisibleError('node', nodeId);
  await policy.assertGatewayOwner(principal, node.gatewayId);
  return node.gatewayId;
}

/** Whether the principal owned the gateway when a request was made: a previous owner's requests are theirs (ADR 0024). */
function ownedWhenRequested(
  policy: AccessPolicy,
  principal: GetNodeConfiguration['principal'],
  gatewayId: string,
): (requestedAt: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (requestedAt) => {
    let answer = known.get(requestedAt);
    if (answer === undefined) {
      answer = policy.assertGatewayOwner(principal, gatewayId, requestedAt).then(
        () => true,
        (error: unknown) => {
          if (error instanceof ObjectNotVisibleError) return false;
          throw error;
        },
      );
      known.set(requestedAt, answer);
    }
    return answer;
  };
}

export function configurationView(
  nodeId: string,
  at: string,
  state: NodeConfigurationState,
  revision: number | 'no_stream',
): NodeConfigurationView {
  const names = [...new Set([...Object.keys(state.desired), ...Object.keys(state.applied)])].sort();
  const fields = names.map((field): NodeConfigurationField => {
    const desired = state.desired[field] ?? null;
    const applied = state.applied[field] ?? null;
    const request = desired ? state.requests[desired.requestId] : undefined;
    const sync =
      desired && applied?.requestId === desired.requestId
        ? 'applied'
        : request && (request.status === 'requested' || request.status === 'sent')
          ? 'pending'
          : 'differs';
    return { field, desired, applied, sync };
  });
  const pending = Object.values(state.requests)
    .filter((r) => r.status === 'requested' || r.status === 'sent')
    .map((r) => ({
      requestId: r.requestId,
      field: r.field,
      status: r.status,
      requestedBy: r.requestedBy,
      requestedAt: r.requestedAt,
      expiresAt: r.expiresAt,
    }));
  return { nodeId, at, revision: revision === 'no_stream' ? null : revision, fields, pending };
}

/** The node's configuration as it was at an instant: its stream folded up to the last event recorded by then. */
@QueryHandler(GetNodeConfiguration)
export class GetNodeConfigurationHandler implements IQueryHandler<GetNodeConfiguration, NodeConfigurationView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(NODE_DIRECTORY) private readonly nodes: NodeDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, nodeId, at }: GetNodeConfiguration): Promise<NodeConfigurationView> {
    const gatewayId = await visibleNode(this.policy, this.nodes, principal, nodeId);
    const instant = at?.toISOString();
    // The configuration at an earlier instant is shown only to whoever owned the gateway then.
    if (instant !== undefined) await this.policy.assertGatewayOwner(principal, gatewayId, instant);
    const { state, revision } = await loadStream(
      this.store,
      nodeStream(nodeId),
      nodeConfigurationDecider,
      NODE_CONFIGURATION_EVENTS,
      instant,
    );
    return configurationView(nodeId, instant ?? this.clock.now().toISOString(), state, revision);
  }
}

/** Every configuration step recorded in [from, to], each with the value before and after it. */
@QueryHandler(ListNodeConfigurationChanges)
export class ListNodeConfigurationChangesHandler implements IQueryHandler<
  ListNodeConfigurationChanges,
  ConfigurationChange[]
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(NODE_DIRECTORY) private readonly nodes: NodeDirectory,
  ) {}

  async execute({ principal, nodeId, from, to }: ListNodeConfigurationChanges): Promise<ConfigurationChange[]> {
    const gatewayId = await visibleNode(this.policy, this.nodes, principal, nodeId);
    const owned = ownedWhenRequested(this.policy, principal, gatewayId);
    const { recorded: events } = await loadStream(
      this.store,
      nodeStream(nodeId),
      nodeConfigurationDecider,
      NODE_CONFIGURATION_EVENTS,
      to.toISOString(),
    );
    const start = from.toISOString();
    const changes: ConfigurationChange[] = [];
    let state = nodeConfigurationDecider.initialState();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as NodeConfigurationEvent;
      const next = nodeConfigurationDecider.evolve(state, event);
      const request = next.requests[event.data.requestId];
      if (recorded.recordedAt >= start && request && (await owned(request.requestedAt))) {
        const applying = event.type === 'NodeConfigurationApplied';
        const requesting = event.type === 'NodeConfigurationRequested';
        changes.push({
          at: recorded.recordedAt,
          revision: recorded.revision,
          type: event.type,
          field: request.field,
          requestId: request.requestId,
          by: request.requestedBy,
          before: applying
            ? (state.applied[request.field]?.value ?? null)
            : requesting
              ? (state.desired[request.field]?.value ?? null)
              : null,
          after: applying || requesting ? request.change : null,
          detail:
            event.type === 'NodeConfigurationApplied' || event.type === 'NodeConfigurationRejected'
              ? (request.outcome ?? null)
              : requesting
                ? event.data.reason
                : null,
        });
      }
      state = next;
    }
    return changes;
  }
}
