import { Command } from '@nestjs/cqrs';
import type { Principal } from '../../../domain/access/principal.js';
import type { EventObject } from '../grid-signals-read-model/grid-signals.sql.js';

/** POST /events: an OpenADR event, called a grid signal in the code. */
export class PublishGridSignal extends Command<EventObject> {
  constructor(
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** PUT /events/{eventID}: the whole content replaced (start 0001-01-01 with PT0S withdraws it, zeroed). */
export class ReviseGridSignal extends Command<EventObject> {
  constructor(
    readonly eventId: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}

/** DELETE /events/{eventID}: answers the event as it was. */
export class DeleteGridSignal extends Command<EventObject> {
  constructor(
    readonly eventId: string,
    readonly principal: Principal,
    readonly at: Date,
    readonly correlationId: string,
  ) {
    super();
  }
}
