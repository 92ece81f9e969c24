import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-metadata.js';
import type { IssuedNetworkKey } from '../register-gateway/register-gateway.command.js';

/** Issues a new network key; the old one stops working at once, and live sessions using it are dropped. */
export class RotateNetworkKey extends Command<IssuedNetworkKey> {
  constructor(
    readonly gatewayId: string,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
