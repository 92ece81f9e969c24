/** Base of the readings queries' typed errors; interfaces map `code` to a transport status. */
export abstract class ReadingQueryError extends Error {
  abstract readonly code: 'invalid_query' | 'not_found' | 'unavailable';
}

/** The query asks for more than a limit allows (range, points, sensors) or is inconsistent (to before from). */
export class InvalidReadingQueryError extends ReadingQueryError {
  override readonly name = 'InvalidReadingQueryError';
  readonly code = 'invalid_query' as const;
}

/** Unknown, or outside the viewer's scope: the two are answered alike so existence does not leak. */
export class NodeNotFoundError extends ReadingQueryError {
  override readonly name = 'NodeNotFoundError';
  readonly code = 'not_found' as const;
  constructor(readonly nodeId: string) {
    super(`node ${nodeId.slice(0, 200)} does not exist`);
  }
}

/** The server already serves as many live streams as it allows; try again later. */
export class LiveFeedLimitError extends ReadingQueryError {
  override readonly name = 'LiveFeedLimitError';
  readonly code = 'unavailable' as const;
  constructor(readonly limit: number) {
    super(`the server already serves ${limit} live reading streams; try again later`);
  }
}
