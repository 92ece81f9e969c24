import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export type RotatedClientSecret = {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly secretFingerprint: string;
};

export class RotateApiClientSecret extends Command<RotatedClientSecret> {
  constructor(
    readonly clientId: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
