import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface DecommissionedGateway {
  readonly id: string;
  readonly decommissionedAt: string;
}

export class DecommissionGateway extends Command<DecommissionedGateway> {
  constructor(
    readonly gatewayId: string,
    readonly reason: string,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
