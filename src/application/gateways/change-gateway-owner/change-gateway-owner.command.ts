import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface ChangedGatewayOwner {
  readonly id: string;
  readonly ownerId: string;
  /** False when the gateway already belonged to that owner (nothing was recorded). */
  readonly changed: boolean;
}

/** Hands a gateway, with its nodes, sensors and actuators, to another user (admins only). */
export class ChangeGatewayOwner extends Command<ChangedGatewayOwner> {
  constructor(
    readonly gatewayId: string,
    readonly ownerId: string,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
