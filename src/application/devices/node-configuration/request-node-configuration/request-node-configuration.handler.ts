import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { actorIdOf } from '../../../../domain/access/principal.js';
import {
  nodeConfigurationDecider,
  type NodeConfigurationCommand,
} from '../../../../domain/devices/node-configuration.decider.js';
import { fieldOf } from '../../../../domain/devices/node-configuration.events.js';
import { ObjectNotVisibleError } from '../../../access/access.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../../ports/event-store.port.js';
import { handleWithDecider } from '../../../shared/decider-command.js';
import { NODE_CONFIGURATION_EVENTS, nodeStream } from '../node-stream.js';
import { NODE_DIRECTORY, type NodeDirectory } from '../ports/node-directory.port.js';
import { RequestNodeConfiguration, type RequestedNodeConfiguration } from './request-node-configuration.command.js';

const ATTEMPTS = 5;

/**
 * Admins only. Device settings (reporting, firmware) are requested here and sent by the configuration sender;
 * alarm settings belong to the server, which applies them in the same append.
 */
@CommandHandler(RequestNodeConfiguration)
export class RequestNodeConfigurationHandler implements ICommandHandler<
  RequestNodeConfiguration,
  RequestedNodeConfiguration
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(NODE_DIRECTORY) private readonly nodes: NodeDirectory,
  ) {}

  async execute({
    principal,
    nodeId,
    input,
    at,
    correlationId,
  }: RequestNodeConfiguration): Promise<RequestedNodeConfiguration> {
    this.policy.assertAdmin(principal);
    const node = await this.nodes.find(nodeId);
    if (!node) throw new ObjectNotVisibleError('node', nodeId);
    const requestId = randomUUID();
    const metadata = { actorId: actorIdOf(principal), correlationId };
    const time = at.toISOString();
    // Other fields of the same node may be changed concurrently; a conflict only means deciding again.
    const request: NodeConfigurationCommand = {
      type: 'RequestNodeConfiguration',
      data: {
        requestId,
        nodeId,
        gatewayId: node.gatewayId,
        change: input.change,
        requestedBy: metadata.actorId,
        reason: input.reason,
        timeoutSeconds: input.timeoutSeconds,
        at: time,
      },
    };
    const serverSide = input.change.kind === 'alarm_power_above' || input.change.kind === 'alarm_voltage_band';
    const apply: NodeConfigurationCommand = {
      type: 'ApplyConfiguration',
      data: { requestId, applied: input.change, confirmation: 'stored as the server-side alarm setting', at: time },
    };
    const commands = serverSide ? [request, apply] : [request];
    await handleWithDecider(this.store, nodeStream(nodeId), nodeConfigurationDecider, commands, metadata, {
      events: NODE_CONFIGURATION_EVENTS,
      attempts: ATTEMPTS,
    });
    return { requestId, nodeId, field: fieldOf(input.change), status: serverSide ? 'applied' : 'requested' };
  }
}
