import {
  type AllFilter,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
  WrongExpectedRevisionError,
  EventStoreUnavailableError,
  DuplicateEventIdError,
} from '../../../application/ports/event-store.port.js';
import { type SqlDatabase, sqlStateOf } from '../../postgres/sql-database.js';
import { catchUpSubscription } from '../shared/catch-up-subscription.js';
import { assertEventSizes } from '../shared/event-size.js';

import { EVENTS_CHANNEL } from './event-store.migrations.js';
import { decodeSqlPosition, encodeSqlPosition } from './sql-position.js';

interface EventRow {
  readonly id: string;
  readonly stream: string;
  readonly revision: string;
  readonly transaction_id: string;
  readonly position: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
  readonly recorded_at: Date | string;
}

// Columns are cast to text for the drivers; ORDER BY must name events.* so it sorts the typed columns.
const COLUMNS =
  'id::text, stream, revision::text, transaction_id::text, position::text, type, data, metadata, recorded_at';
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint';
const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    stream: row.stream,
    revision: Number(row.revision),
    position: encodeSqlPosition(row.transaction_id, row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at instanceof Date ? row.recorded_at.toISOString() : new Date(row.recorded_at).toISOString(),
  };
}

function escapeLike(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterClause(filter: AllFilter | undefined, params: unknown[]): string {
  let clause = '';
  if (filter?.types) {
    params.push(filter.types);
    clause += ` AND type = ANY($${params.length}::text[])`;
  }
  if (filter?.streamPrefixes) {
    params.push(filter.streamPrefixes.map(escapeLike));
    clause += ` AND stream LIKE ANY($${params.length}::text[])`;
  }
  return clause;
}

/** The event store on Postgres or PGlite: the same SQL for both. */
export class PostgresEventStore implements EventStore {
  constructor(private readonly db: SqlDatabase) {}

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('append needs at least one event');
    assertEventSizes(events);
    const payload = JSON.stringify(
      events.map((e) => ({ id: e.id, type: e.type, data: e.data ?? null, metadata: e.metadata ?? {} })),
    );
    try {
      const rows = await this.db.query<{ last_revision: string; last_transaction_id: string; last_position: string }>(
        'SELECT last_revision::text, last_transaction_id, last_position::text FROM wattlog_append($1, $2, $3::jsonb)',
        [stream, String(options.expectedRevision), payload],
      );
      const row = rows[0];
      if (!row) throw new Error(`append to ${stream} returned no row`);
      return {
        nextExpectedRevision: Number(row.last_revision),
        position: encodeSqlPosition(row.last_transaction_id, row.last_position),
      };
    } catch (error) {
      throw this.mapError(error, stream, options.expectedRevision, events);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const rows = await this.run(() =>
      this.db.query<EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream = $1 AND revision ${backwards ? '<=' : '>='} $2
          ORDER BY events.revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [stream, from, options.max ?? 1_000_000],
      ),
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const params: unknown[] = [options.max];
    let clause = VISIBLE;
    if (options.after) {
      const after = decodeSqlPosition(options.after);
      params.push(after.transactionId, after.sequence);
      clause += ' AND (transaction_id, position) > ($2::bigint, $3::bigint)';
    }
    clause += filterClause(options.filter, params);
    const rows = await this.run(() =>
      this.db.query<EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE ${clause} ORDER BY events.transaction_id, events.position LIMIT $1`,
        params,
      ),
    );
    return rows.map(toRecorded);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription(
      { readAll: (o) => this.readAll(o), onAppended: (wake) => this.db.listen(EVENTS_CHANNEL, wake) },
      options,
    );
  }

  async headPosition(): Promise<Position | null> {
    const rows = await this.run(() =>
      this.db.query<{ transaction_id: string; position: string }>(
        `SELECT transaction_id::text, position::text FROM events WHERE ${VISIBLE}
          ORDER BY events.transaction_id DESC, events.position DESC LIMIT 1`,
      ),
    );
    const row = rows[0];
    return row ? encodeSqlPosition(row.transaction_id, row.position) : null;
  }

  /** Sequence distance to the newest event: exact unless appends were rolled back. */
  async countAfter(after: Position | null): Promise<number> {
    const rows = await this.run(() =>
      this.db.query<{ head: string | null }>('SELECT max(position)::text AS head FROM events'),
    );
    const head = Number(rows[0]?.head ?? 0);
    return Math.max(0, head - (after ? Number(decodeSqlPosition(after).sequence) : 0));
  }

  async ping(): Promise<void> {
    await this.run(() => this.db.ping());
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.mapConnectionError(error);
    }
  }

  private mapError(error: unknown, stream: string, expected: ExpectedRevision, events: readonly NewEvent[]): unknown {
    const state = sqlStateOf(error);
    if (state === 'WL001') {
      const actual = Number((error as { detail?: string }).detail ?? -1);
      return new WrongExpectedRevisionError(stream, expected, actual < 0 ? 'no_stream' : actual);
    }
    // 23505: the same ids appended concurrently to another stream raced past the pre-check.
    if (state === 'WL002' || (state === '23505' && String((error as { constraint?: string }).constraint) === 'events_id_key')) {
      return new DuplicateEventIdError(events.map((e) => e.id));
    }
    return this.mapConnectionError(error);
  }

  private mapConnectionError(error: unknown): unknown {
    const state = sqlStateOf(error);
    if (state !== undefined && CONNECTION_ERRORS.has(state)) {
      return new EventStoreUnavailableError(`event store unreachable: ${(error as Error).message}`);
    }
    return error;
  }
}
