import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { gatewayDecider } from '../../../domain/gateways/gateway.decider.js';
import { ACCESS_POLICY, type AccessPolicy } from '../../access/ports/access-policy.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import { ANONYMOUS, GATEWAY_EVENTS, gatewayStream } from '../gateway-stream.js';
import { fingerprintOf, generateNetworkKey, vaultKeyId } from '../network-key.js';
import { KEY_VAULT, type KeyVault } from '../ports/key-vault.port.js';
import type { IssuedNetworkKey } from '../register-gateway/register-gateway.command.js';
import { RotateNetworkKey } from './rotate-network-key.command.js';

@CommandHandler(RotateNetworkKey)
export class RotateNetworkKeyHandler implements ICommandHandler<RotateNetworkKey, IssuedNetworkKey> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    @Inject(ACCESS_POLICY) private readonly access: AccessPolicy,
  ) {}

  async execute({ gatewayId, at, metadata }: RotateNetworkKey): Promise<IssuedNetworkKey> {
    this.access.assertAdmin(metadata.principal ?? ANONYMOUS, 'rotating a network key');
    const key = generateNetworkKey();
    const fingerprint = fingerprintOf(key);
    const command = {
      type: 'RotateNetworkKey',
      data: { gatewayId, keyFingerprint: fingerprint, at: at.toISOString() },
    } as const;
    // A concurrent change (another rotation, a decommission) surfaces as WrongExpectedRevisionError: a conflict.
    await handleWithDecider(this.store, gatewayStream(gatewayId), gatewayDecider, command, metadata, {
      events: GATEWAY_EVENTS,
      beforeAppend: () => this.vault.put(vaultKeyId(gatewayId, fingerprint), key),
    });
    return { id: gatewayId, key: key.toString('hex'), fingerprint };
  }
}
