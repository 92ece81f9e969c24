import { Module } from '@nestjs/common';
import { ChangeGatewayDetailsHandler } from '../../../application/gateways/change-gateway-details/change-gateway-details.handler.js';
import { ChangeGatewayOwnerHandler } from '../../../application/gateways/change-gateway-owner/change-gateway-owner.handler.js';
import { EraseOwnershipPeriodsHandler } from '../../../application/gateways/erase-ownership-periods/erase-ownership-periods.handler.js';
import { DecommissionGatewayHandler } from '../../../application/gateways/decommission-gateway/decommission-gateway.handler.js';
import {
  GetGatewayConfigurationHandler,
  ListGatewayConfigurationChangesHandler,
} from '../../../application/gateways/gateway-configuration-history/gateway-configuration-history.queries.js';
import { GetGatewayHandler } from '../../../application/gateways/get-gateway/get-gateway.handler.js';
import { ListGatewaysHandler } from '../../../application/gateways/list-gateways/list-gateways.handler.js';
import { RequestNetworkConfigurationHandler } from '../../../application/gateways/network-configuration/request-network-configuration/request-network-configuration.handler.js';
import { LINK_REFUSAL_RECORDER } from '../../../application/gateways/ports/gateway-key-ring.port.js';
import { LinkEventRecorder } from '../../../application/gateways/record-link-event/link-event-recorder.js';
import {
  RecordLinkRefusalHandler,
  RecordLinkSessionClosedHandler,
  RecordLinkSessionOpenedHandler,
} from '../../../application/gateways/record-link-event/record-link-event.handlers.js';
import { RegisterGatewayHandler } from '../../../application/gateways/register-gateway/register-gateway.handler.js';
import { RotateNetworkKeyHandler } from '../../../application/gateways/rotate-network-key/rotate-network-key.handler.js';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port.js';
import { AccessPolicyModule } from '../access/access-policy.module.js';
import { GatewayConfigurationController } from './gateway-configuration.controller.js';
import { GatewayKeysController } from './gateway-keys.controller.js';
import { GatewaysController } from './gateways.controller.js';

@Module({
  imports: [AccessPolicyModule],
  // GatewayKeysController comes first so the OpenAPI document keeps its path order (register, rotate-key, then the rest).
  controllers: [GatewayKeysController, GatewaysController, GatewayConfigurationController],
  providers: [
    RegisterGatewayHandler,
    RotateNetworkKeyHandler,
    DecommissionGatewayHandler,
    ListGatewaysHandler,
    GetGatewayHandler,
    ChangeGatewayOwnerHandler,
    EraseOwnershipPeriodsHandler,
    ChangeGatewayDetailsHandler,
    RequestNetworkConfigurationHandler,
    GetGatewayConfigurationHandler,
    ListGatewayConfigurationChangesHandler,
    {
      provide: LinkEventRecorder,
      useFactory: (store: EventStore) => new LinkEventRecorder(store),
      inject: [EVENT_STORE],
    },
    { provide: LINK_REFUSAL_RECORDER, useExisting: LinkEventRecorder },
    RecordLinkSessionOpenedHandler,
    RecordLinkSessionClosedHandler,
    RecordLinkRefusalHandler,
  ],
})
export class GatewaysModule {}
