import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../../domain/access/principal.js';
import {
  networkConfigurationDecider,
  type NetworkConfigurationCommand,
  type NetworkConfigurationRequest,
} from '../../../../domain/gateways/network-configuration.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../../ports/event-store.port.js';
import { handleWithDecider, loadStream } from '../../../shared/decider-command.js';
import { gatewayStream } from '../../gateway-stream.js';
import { NETWORK_CONFIGURATION_EVENTS } from '../network-stream.js';
import {
  NETWORK_CONFIGURATION_SENDING,
  NETWORK_LINK,
  type NetworkConfigurationSending,
  type NetworkLink,
} from '../ports/network-link.port.js';
import {
  RequestNetworkConfiguration,
  type RequestedNetworkConfiguration,
} from './request-network-configuration.command.js';

const ATTEMPTS = 5;
const WAIT_POLL_MS = 100;

function answer(gatewayId: string, request: NetworkConfigurationRequest): RequestedNetworkConfiguration {
  return {
    requestId: request.requestId,
    gatewayId,
    field: request.field,
    status: request.status,
    expiresAt: request.expiresAt,
    outcome: request.outcome,
    applied: request.applied,
  };
}

/**
 * Admins only. The change is recorded as requested and sent by the network configuration sender when the gateway is
 * connected. With `waitMs`, a connected gateway's outcome is awaited (read back from the stream), so a caller can
 * answer with what the coordinator did; an offline gateway is not waited for.
 */
@CommandHandler(RequestNetworkConfiguration)
export class RequestNetworkConfigurationHandler implements ICommandHandler<
  RequestNetworkConfiguration,
  RequestedNetworkConfiguration
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(NETWORK_LINK) private readonly link: NetworkLink,
    @Inject(NETWORK_CONFIGURATION_SENDING) private readonly sender: NetworkConfigurationSending,
  ) {}

  async execute({
    principal,
    gatewayId,
    input,
    at,
    correlationId,
    waitMs,
  }: RequestNetworkConfiguration): Promise<RequestedNetworkConfiguration> {
    this.policy.assertAdmin(principal, 'changing the network of a gateway');
    const requestId = randomUUID();
    const metadata = { actorId: actorIdOf(principal), correlationId };
    const command: NetworkConfigurationCommand = {
      type: 'RequestNetworkConfiguration',
      data: {
        requestId,
        gatewayId,
        change: input.change,
        requestedBy: metadata.actorId,
        reason: input.reason,
        timeoutSeconds: input.timeoutSeconds,
        at: at.toISOString(),
      },
    };
    // Link sessions append to the same stream; a conflict with one only means deciding again.
    const options = { events: NETWORK_CONFIGURATION_EVENTS, attempts: ATTEMPTS };
    const { events } = await handleWithDecider(
      this.store,
      gatewayStream(gatewayId),
      networkConfigurationDecider,
      command,
      metadata,
      options,
    );
    const [event] = events;
    if (event?.type !== 'NetworkConfigurationRequested')
      throw new Error('a new request decided no NetworkConfigurationRequested');
    const requested: RequestedNetworkConfiguration = {
      requestId,
      gatewayId,
      field: event.data.field,
      status: 'requested',
      expiresAt: event.data.expiresAt,
      outcome: null,
      applied: null,
    };
    this.sender.poke();
    if (waitMs <= 0 || !this.link.isConnected(gatewayId)) return requested;
    // The wait is a duration, timed on the monotonic clock.
    return this.outcome(requested, performance.now() + waitMs);
  }

  private async outcome(
    requested: RequestedNetworkConfiguration,
    deadline: number,
  ): Promise<RequestedNetworkConfiguration> {
    let latest = requested;
    while (performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      const { state } = await loadStream(
        this.store,
        gatewayStream(requested.gatewayId),
        networkConfigurationDecider,
        NETWORK_CONFIGURATION_EVENTS,
      );
      const request = state.requests[requested.requestId];
      if (!request) return latest;
      latest = answer(requested.gatewayId, request);
      if (latest.status !== 'requested' && latest.status !== 'sent') return latest;
    }
    return latest;
  }
}
