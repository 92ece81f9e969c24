import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gatewayDecider, type GatewayCommand } from '../../../domain/gateways/gateway.decider.js';
import { GatewayAlreadyRegisteredError } from '../../../domain/gateways/gateway.errors.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { ANONYMOUS, GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { fingerprintOf, generateNetworkKey, vaultKeyId } from '../network-key.js';
import { KEY_VAULT, type KeyVault } from '../ports/key-vault.port.js';
import { RegisterGateway, type IssuedNetworkKey } from './register-gateway.command.js';

@CommandHandler(RegisterGateway)
export class RegisterGatewayHandler implements ICommandHandler<RegisterGateway, IssuedNetworkKey> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ input, at, metadata }: RegisterGateway): Promise<IssuedNetworkKey> {
    const principal = metadata.principal ?? ANONYMOUS;
    this.access.assertAdmin(principal, 'registering a gateway');
    const gatewayId = input.gatewayId ?? randomUUID();
    const key = generateNetworkKey();
    const fingerprint = fingerprintOf(key);
    const command: GatewayCommand = {
      type: 'RegisterGateway',
      data: {
        gatewayId,
        name: input.name,
        networkType: input.networkType,
        address: input.address,
        description: input.description ?? '',
        location: { lat: input.location.lat, lon: input.location.lon, label: input.location.label ?? '' },
        ownerId: input.ownerId ?? (principal.kind === 'user' ? principal.userId : metadata.actorId),
        keyFingerprint: fingerprint,
        at: at.toISOString(),
      },
    };
    try {
      // Vault first: an event naming a key the vault lacks would leave a gateway that can never connect,
      // whereas a vault entry without an event (the append failed) is harmless.
      await handleWithDecider(this.store, gatewayStream(gatewayId), gatewayDecider, command, metadata, {
        events: GATEWAY_EVENTS,
        beforeAppend: () => this.vault.put(vaultKeyId(gatewayId, fingerprint), key),
      });
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw new GatewayAlreadyRegisteredError(gatewayId);
      throw error;
    }
    return { id: gatewayId, key: key.toString('hex'), fingerprint };
  }
}
