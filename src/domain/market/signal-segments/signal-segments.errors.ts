/** The caller asked for every segment of an event that repeats forever: it must say which window it needs. */
export class SignalWindowRequiredError extends Error {
  override readonly name = 'SignalWindowRequiredError';
  constructor(readonly eventId: string | null) {
    super(`event ${eventId ?? '(no id)'} repeats without end; compile it for a window`);
  }
}

/** An owner's time zone that the time-zone database does not know. */
export class UnknownTimeZoneError extends Error {
  override readonly name = 'UnknownTimeZoneError';
  constructor(readonly timeZone: string) {
    super(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
}

/** costPerBucket was handed segments that overlap, or of several payload types: merge them into one timeline first. */
export class NotATimelineError extends Error {
  override readonly name = 'NotATimelineError';
  constructor(detail: string) {
    super(`price segments must form one timeline: ${detail}`);
  }
}
