import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import type { CanonicalReading } from '../../../../domain/metering/canonical-reading.js';
import type { GatewayOwnerChanged } from '../../../../domain/gateways/gateway.events.js';
import { READINGS_REPORTED } from '../../../../domain/metering/gateway-frame.events.js';
import {
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '../../../ports/event-store.port.js';
import { PAYLOAD_DECODERS, type DecoderLookup } from '../../ports/payload-decoders.port.js';
import { canonicalReadings } from '../../stored-readings.js';
import { InvalidReadingQueryError, LiveFeedLimitError } from '../reading-query.errors.js';
import { ResumingFeed } from './resuming-feed.js';
import { BoundedReadingFeed, type LiveReadingFeed } from './live-reading-feed.js';

export interface LiveReadingsOptions {
  /** Readings one consumer may lag behind before it is dropped; above one frame's worth, so one frame never does it. */
  readonly feedCapacity: number;
  /** Concurrent feeds; more are refused. */
  readonly maxFeeds: number;
}

export const LIVE_READINGS_OPTIONS = Symbol('LiveReadingsOptions');
export const DEFAULT_LIVE_READINGS_OPTIONS: LiveReadingsOptions = { feedCapacity: 5000, maxFeeds: 500 };

const GATEWAY_OWNER_CHANGED = 'GatewayOwnerChanged';

/** Events read per page when a client resumes after a position. */
const RESUME_PAGE = 500;

/** Backlog share above which the hub lets I/O run between events, so consumers drain during catch-up bursts. */
const PACING_BACKLOG = 0.25;

interface Running {
  readonly subscription: Subscription;
  readonly pumped: Promise<void>;
}

/**
 * One event-store subscription shared by every live consumer, open only while someone listens. A subscription per
 * client would cost each one a database connection (Postgres LISTEN), so a handful of dashboards could starve the
 * pool. The subscription starts after the head, so a client receives readings stored from about when it joined.
 */
@Injectable()
export class LiveReadingsHub implements OnModuleDestroy {
  private readonly feeds = new Set<BoundedReadingFeed>();
  private readonly handedTo = new Map<string, string>();
  private readonly options: LiveReadingsOptions;
  private running: Running | null = null;
  private starting: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PAYLOAD_DECODERS) private readonly decoders: DecoderLookup,
    @Optional() @Inject(LIVE_READINGS_OPTIONS) options?: LiveReadingsOptions,
  ) {
    this.options = options ?? DEFAULT_LIVE_READINGS_OPTIONS;
  }

  /**
   * The owner each gateway was handed to while the hub ran, in log order with the readings: a stream drops what a
   * handover took from its caller at the very reading after it, not at its next scope refresh.
   */
  ownerSeen(gatewayId: string): string | undefined {
    return this.handedTo.get(gatewayId);
  }

  get feedCount(): number {
    return this.feeds.size;
  }

  /**
   * A feed of the readings `accepts` lets through, from now on, or from just after the event at `resumeAfter`: the
   * log after it is read first, then the shared live feed takes over without repeating what the reading covered.
   */
  async join(
    accepts: (reading: CanonicalReading) => boolean,
    resumeAfter: string | null = null,
  ): Promise<LiveReadingFeed> {
    if (this.feeds.size >= this.options.maxFeeds) throw new LiveFeedLimitError(this.options.maxFeeds);
    const feed = new BoundedReadingFeed(accepts, this.options.feedCapacity, (f) => this.leave(f));
    this.feeds.add(feed);
    try {
      await this.ensureRunning();
    } catch (error) {
      this.feeds.delete(feed);
      feed.end('failed');
      throw error;
    }
    if (resumeAfter === null) return feed;
    // Joined before reading, so whatever is stored meanwhile is either in the pages read or in the live feed.
    const page = (after: string) =>
      this.store.readAll({ after, max: RESUME_PAGE, filter: { types: [READINGS_REPORTED] } });
    let first: RecordedEvent[];
    try {
      first = await page(resumeAfter);
    } catch {
      await feed.close();
      throw new InvalidReadingQueryError('Last-Event-ID is not a position of this event log');
    }
    return new ResumingFeed(feed, first, page, (data) => canonicalReadings(data, this.decoders), accepts);
  }

  async onModuleDestroy(): Promise<void> {
    for (const feed of this.feeds) feed.end('shutdown');
    this.feeds.clear();
    await this.starting?.catch(() => undefined);
    await this.stop();
  }

  private async ensureRunning(): Promise<void> {
    while (!this.running) {
      this.starting ??= this.start().finally(() => (this.starting = null));
      await this.starting;
    }
    // Everyone may have left while the subscription was being opened.
    if (this.feeds.size === 0) await this.stop();
  }

  private async start(): Promise<void> {
    const head = await this.store.headPosition();
    const subscription = this.store.subscribe({
      after: head,
      filter: { types: [READINGS_REPORTED, GATEWAY_OWNER_CHANGED] },
    });
    this.running = { subscription, pumped: this.pump(subscription) };
  }

  private async pump(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (event.type === GATEWAY_OWNER_CHANGED) {
          const { gatewayId, ownerId } = event.data as GatewayOwnerChanged['data'];
          this.handedTo.set(gatewayId, ownerId);
          continue;
        }
        const readings = canonicalReadings(event.data, this.decoders);
        let behind = false;
        for (const feed of this.feeds) {
          if (readings.length > 0) feed.offer(readings, event.position);
          if (feed.isEnded) this.feeds.delete(feed);
          else behind ||= feed.backlog > PACING_BACKLOG;
        }
        // Overflowed feeds leave here, not through close(); not awaited, as stop() waits for this very loop.
        if (this.feeds.size === 0 && !this.starting) void this.stop().catch(() => undefined);
        // A page of events is otherwise handed out in one go, without a turn for the sockets to drain.
        if (behind) await new Promise((resolve) => setImmediate(resolve));
      }
    } catch {
      // Ends the feeds below; their clients reconnect and join a fresh subscription.
    }
    if (this.running?.subscription !== subscription) return;
    this.running = null;
    for (const feed of this.feeds) feed.end('failed');
    this.feeds.clear();
    await subscription.close().catch(() => undefined);
  }

  private async leave(feed: BoundedReadingFeed): Promise<void> {
    this.feeds.delete(feed);
    if (this.feeds.size === 0 && !this.starting) await this.stop();
  }

  private async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    await running.subscription.close();
    await running.pumped;
  }
}
