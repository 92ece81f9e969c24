import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-metadata.js';

export interface ErasedOwnershipPeriods {
  readonly id: string;
  readonly ownerId: string;
  /** The periods erased, `[from, to)`; `from` is null for the first owner's period, which has no start. */
  readonly erased: readonly { readonly from: string | null; readonly to: string }[];
}

/** Erases, on the former owner's request, what the read models hold of their ended periods of a gateway (admins only). */
export class EraseOwnershipPeriods extends Command<ErasedOwnershipPeriods> {
  constructor(
    readonly gatewayId: string,
    readonly ownerId: string,
    readonly reason: string,
    readonly at: Date,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
