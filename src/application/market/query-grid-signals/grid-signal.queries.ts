import { Query } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { EventObject } from '../grid-signals-read-model/grid-signals.sql.js';
import type { OpenAdrPage } from '../openadr-objects.wire.js';

export class SearchGridSignals extends Query<EventObject[]> {
  constructor(
    readonly principal: Principal,
    readonly filter: OpenAdrPage & {
      readonly programId?: string;
      readonly targets?: readonly string[];
      /** The instant `active=true` is judged at. */
      readonly activeAt?: string;
    },
  ) {
    super();
  }
}

export class GetGridSignal extends Query<EventObject> {
  constructor(
    readonly principal: Principal,
    readonly eventId: string,
  ) {
    super();
  }
}
