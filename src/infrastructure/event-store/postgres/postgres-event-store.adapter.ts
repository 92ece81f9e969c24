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
import { eventsJson } from '../shared/event-size.js';

import { EVENTS_CHANNEL } from './event-store.migrations.js';
import { copyPageSql, parseCopyRow } from './copy-page.js';
import { decodeSqlPosition, encodeSqlPosition } from './sql-position.js';
import { partitionClause } from './stream-partition.js';

type EventTuple = [
  id: string,
  stream: string,
  revision: number,
  transactionId: string,
  position: string,
  type: string,
  data: unknown,
  metadata: Record<string, unknown>,
  recordedAt: string,
];

/*
 * A page comes back as one JSON text built by Postgres: one JSON.parse in Node instead of a row object, type
 * parsing and two JSON.parse calls per event. This moves most of the per-event cost off the Node thread.
 */
function selectPage(where: string, order: string, limitParam: string): string {
  return `SELECT coalesce(json_agg(json_build_array(e.id, e.stream, e.revision, e.transaction_id::text, e.position::text,
            e.type, e.data, e.metadata,
            to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY ${order}), '[]')::text AS page
            FROM (SELECT * FROM events WHERE ${where} ORDER BY ${order} LIMIT ${limitParam}) e`;
}

function parsePage(rows: { page: string }[]): RecordedEvent[] {
  const tuples = JSON.parse(rows[0]?.page ?? '[]') as EventTuple[];
  return tuples.map(([id, stream, revision, transactionId, position, type, data, metadata, recordedAt]) => ({
    id,
    stream,
    revision,
    position: encodeSqlPosition(transactionId, position),
    type,
    data,
    metadata,
    recordedAt,
  }));
}

export const COUNT_CAP = 10_000_000;
const VISIBLE = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint';
const HELD_BACK = 'transaction_id >= pg_snapshot_xmin(pg_current_snapshot())::text::bigint';
const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

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
  if (filter?.partition) clause += ` AND ${partitionClause(filter.partition)}`;
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
    const payload = eventsJson(events);
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
      this.db.query<{ page: string }>(
        selectPage(
          `stream = $1 AND revision ${backwards ? '<=' : '>='} $2`,
          `revision ${backwards ? 'DESC' : 'ASC'}`,
          '$3',
        ),
        [stream, from, options.max ?? 1_000_000],
      ),
    );
    return parsePage(rows);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    if (!this.db.copyOutLines) return this.readAllPage(options);
    const events: RecordedEvent[] = [];
    await this.scanAll(options, (event) => events.push(event));
    return events;
  }

  async scanAll(options: ReadAllOptions, visit: (event: RecordedEvent) => void): Promise<void> {
    const copyOutLines = this.db.copyOutLines?.bind(this.db);
    if (!copyOutLines) {
      for (const event of await this.readAllPage(options)) visit(event);
      return;
    }
    const statement = copyPageSql(
      VISIBLE,
      options.after ? decodeSqlPosition(options.after) : null,
      options.max,
      options.filter,
    );
    await this.run(() => copyOutLines(statement, (line) => visit(parseCopyRow(line))));
  }

  /** The page as one JSON value: for drivers without COPY (PGlite). */
  private async readAllPage(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const params: unknown[] = [options.max];
    let clause = VISIBLE;
    if (options.after) {
      const after = decodeSqlPosition(options.after);
      params.push(after.transactionId, after.sequence);
      clause += ' AND (transaction_id, position) > ($2::bigint, $3::bigint)';
    }
    clause += filterClause(options.filter, params);
    const rows = await this.run(() =>
      this.db.query<{ page: string }>(selectPage(clause, 'transaction_id, position', '$1'), params),
    );
    return parsePage(rows);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    return catchUpSubscription(
      { readAll: (o) => this.readAll(o), onAppended: (wake) => this.db.listen(EVENTS_CHANNEL, wake) },
      options,
    );
  }

  watchAppends(onAppend: () => void): Promise<() => Promise<void>> {
    return this.db.listen(EVENTS_CHANNEL, onAppend);
  }

  /** One probe of the commit-order index just past the visibility horizon. */
  async hasHeldBackEvents(): Promise<boolean> {
    const rows = await this.run(() =>
      this.db.query<{ held: boolean }>(`SELECT EXISTS (SELECT 1 FROM events WHERE ${HELD_BACK}) AS held`),
    );
    return rows[0]?.held === true;
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

  /** Exact count of readable events after `after`, capped at COUNT_CAP so a far-behind reader stays cheap. */
  async countAfter(after: Position | null, filter?: AllFilter): Promise<number> {
    const params: unknown[] = [COUNT_CAP];
    let clause = VISIBLE;
    if (after) {
      const decoded = decodeSqlPosition(after);
      params.push(decoded.transactionId, decoded.sequence);
      clause += ' AND (transaction_id, position) > ($2::bigint, $3::bigint)';
    }
    clause += filterClause(filter, params);
    const rows = await this.run(() =>
      this.db.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM (SELECT 1 FROM events WHERE ${clause} LIMIT $1) s`,
        params,
      ),
    );
    return Number(rows[0]?.n ?? 0);
  }

  async ping(): Promise<void> {
    await this.run(() => this.db.ping());
  }

  /** The database is shared with the read models; whoever opened it closes it. */
  async close(): Promise<void> {
    return Promise.resolve();
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
    if (
      state === 'WL002' ||
      (state === '23505' && String((error as { constraint?: string }).constraint) === 'events_id_key')
    ) {
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
