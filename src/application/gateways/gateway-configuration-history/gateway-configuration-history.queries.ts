import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import { GatewayNotFoundError } from '../../../domain/gateways/gateway.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { CLOCK, type Clock } from '../../ports/clock.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { gatewayStream } from '../gateway-stream.js';
import {
  foldGatewayConfiguration,
  type FieldChange,
  type NetworkConfigurationField,
  type PendingNetworkRequest,
  type SetField,
} from './gateway-configuration.js';

/** `at: null` asks for the configuration now, by the injected clock. */
export class GetGatewayConfiguration {
  constructor(
    readonly principal: Principal,
    readonly gatewayId: string,
    readonly at: Date | null,
  ) {}
}

export class ListGatewayConfigurationChanges {
  constructor(
    readonly principal: Principal,
    readonly gatewayId: string,
    readonly from: Date,
    readonly to: Date,
  ) {}
}

export interface GatewayConfigurationView {
  readonly gatewayId: string;
  readonly at: string;
  readonly revision: number | null;
  readonly fields: Readonly<Record<string, SetField>>;
  /** Desired vs applied network settings (`network.channel`, `network.permitJoin`). */
  readonly network: readonly NetworkConfigurationField[];
  /** Network configuration requests waiting for the gateway at that instant. */
  readonly pending: readonly PendingNetworkRequest[];
}

async function readVisible(store: EventStore, policy: AccessPolicy, principal: Principal, gatewayId: string) {
  await policy.assertGatewayOwner(principal, gatewayId);
  const recorded = await store.readStream(gatewayStream(gatewayId));
  if (recorded.length === 0) throw new GatewayNotFoundError(gatewayId);
  return recorded;
}

@QueryHandler(GetGatewayConfiguration)
export class GetGatewayConfigurationHandler implements IQueryHandler<
  GetGatewayConfiguration,
  GatewayConfigurationView
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ principal, gatewayId, at }: GetGatewayConfiguration): Promise<GatewayConfigurationView> {
    const recorded = await readVisible(this.store, this.policy, principal, gatewayId);
    const instant = (at ?? this.clock.now()).toISOString();
    const upTo = recorded.filter((e) => e.recordedAt <= instant);
    const { fields, network, pending } = foldGatewayConfiguration(upTo);
    return { gatewayId, at: instant, revision: upTo.at(-1)?.revision ?? null, fields, network, pending };
  }
}

@QueryHandler(ListGatewayConfigurationChanges)
export class ListGatewayConfigurationChangesHandler implements IQueryHandler<
  ListGatewayConfigurationChanges,
  FieldChange[]
> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {}

  async execute({ principal, gatewayId, from, to }: ListGatewayConfigurationChanges): Promise<FieldChange[]> {
    const recorded = await readVisible(this.store, this.policy, principal, gatewayId);
    const start = from.toISOString();
    const end = to.toISOString();
    return foldGatewayConfiguration(recorded.filter((e) => e.recordedAt <= end)).changes.filter((c) => c.at >= start);
  }
}
