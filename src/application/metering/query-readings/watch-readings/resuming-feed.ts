import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import type { RecordedEvent } from '../../../ports/event-store.port.js';
import type { BoundedReadingFeed, FeedEnd, LiveReadingFeed } from './live-reading-feed.js';

/**
 * A live feed for a client that reconnects after the event at some log position: first the stored events after it
 * (read page by page), then the shared live feed, which was joined before the first page was read. The two overlap
 * by whatever was stored between joining and the last page; those events are recognised by their position and
 * skipped, so nothing is missed and nothing is sent twice. The live feed keeps its bounded queue meanwhile: a
 * client that is too far behind overflows it and is dropped, as any slow client is.
 */
export class ResumingFeed implements LiveReadingFeed {
  completedPosition: string | null = null;

  constructor(
    private readonly live: BoundedReadingFeed,
    private readonly firstPage: readonly RecordedEvent[],
    private readonly nextPage: (after: string) => Promise<readonly RecordedEvent[]>,
    private readonly readingsOf: (data: unknown) => readonly CanonicalReading[],
    private readonly accepts: (reading: CanonicalReading) => boolean,
  ) {}

  get ended(): Promise<FeedEnd> {
    return this.live.ended;
  }

  close(): Promise<void> {
    return this.live.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CanonicalReading> {
    const delivered = new Set<string>();
    let page = this.firstPage;
    while (page.length > 0) {
      for (const event of page) {
        if (this.live.isEnded) return;
        delivered.add(event.position);
        const admitted = this.readingsOf(event.data).filter(this.accepts);
        for (const [index, reading] of admitted.entries()) {
          this.completedPosition = index === admitted.length - 1 ? event.position : null;
          yield reading;
        }
      }
      const last = page[page.length - 1]!;
      try {
        page = await this.nextPage(last.position);
      } catch {
        this.live.end('failed');
        return;
      }
    }
    // The live feed is in log order, so once one of its events was not read above, none of the later ones was.
    let overlapping = delivered.size > 0;
    for await (const reading of this.live) {
      if (overlapping) {
        if (this.live.currentPosition !== null && delivered.has(this.live.currentPosition)) continue;
        overlapping = false;
        delivered.clear();
      }
      this.completedPosition = this.live.completedPosition;
      yield reading;
    }
  }
}
