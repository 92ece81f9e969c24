import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface RegisterGatewayInput {
  /** Omitted: a UUID is generated. Given: lets a provisioning script register idempotently-by-conflict. */
  readonly gatewayId?: string;
  readonly name: string;
  readonly networkType: string;
  readonly address: string;
  readonly description?: string;
  readonly location: { readonly lat: number; readonly lon: number; readonly label?: string };
  /** Defaults to the acting principal. */
  readonly ownerId?: string;
}

export interface IssuedNetworkKey {
  readonly id: string;
  /** Hex; returned once, never stored in clear or logged. */
  readonly key: string;
  readonly fingerprint: string;
}

export class RegisterGateway extends Command<IssuedNetworkKey> {
  constructor(
    readonly input: RegisterGatewayInput,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
