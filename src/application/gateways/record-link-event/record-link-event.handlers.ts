import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RecordLinkRefusal, RecordLinkSessionClosed, RecordLinkSessionOpened } from './record-link-event.commands.js';
import { LinkEventRecorder } from './link-event-recorder.js';

// One recorder instance behind all three, so the refusal throttle is shared.
@CommandHandler(RecordLinkSessionOpened)
export class RecordLinkSessionOpenedHandler implements ICommandHandler<RecordLinkSessionOpened, boolean> {
  constructor(@Inject(LinkEventRecorder) private readonly recorder: LinkEventRecorder) {}

  execute({ session }: RecordLinkSessionOpened): Promise<boolean> {
    return this.recorder.sessionOpened(session);
  }
}

@CommandHandler(RecordLinkSessionClosed)
export class RecordLinkSessionClosedHandler implements ICommandHandler<RecordLinkSessionClosed, boolean> {
  constructor(@Inject(LinkEventRecorder) private readonly recorder: LinkEventRecorder) {}

  execute({ session }: RecordLinkSessionClosed): Promise<boolean> {
    return this.recorder.sessionClosed(session);
  }
}

@CommandHandler(RecordLinkRefusal)
export class RecordLinkRefusalHandler implements ICommandHandler<RecordLinkRefusal, boolean> {
  constructor(@Inject(LinkEventRecorder) private readonly recorder: LinkEventRecorder) {}

  execute({ gatewayId, reason, detail, at }: RecordLinkRefusal): Promise<boolean> {
    return this.recorder.recordRefusal(gatewayId, reason, detail, at);
  }
}
