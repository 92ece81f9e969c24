import { Command } from '@nestjs/cqrs';
import type { LinkRefusalReason } from '../ports/gateway-key-ring.port.js';
import type { SessionClosed, SessionOpened } from './link-event-recorder.js';

/** Each resolves to whether an event was appended (false: duplicate, rate-limited, or unknown identity). */
export class RecordLinkSessionOpened extends Command<boolean> {
  constructor(readonly session: SessionOpened) {
    super();
  }
}

export class RecordLinkSessionClosed extends Command<boolean> {
  constructor(readonly session: SessionClosed) {
    super();
  }
}

export class RecordLinkRefusal extends Command<boolean> {
  constructor(
    readonly gatewayId: string,
    readonly reason: LinkRefusalReason,
    readonly detail: string,
    readonly at: Date,
  ) {
    super();
  }
}
