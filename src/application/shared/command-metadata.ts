import type { Principal } from '../../domain/access/principal.js';

/** Who asked and which request it belongs to; the two ids are stored as event metadata. */
export interface CommandMetadata {
  readonly actorId: string;
  readonly correlationId: string;
  /** Who asks, for the access policy; absent is anonymous, which every guarded command refuses. Never stored. */
  readonly principal?: Principal;
}
