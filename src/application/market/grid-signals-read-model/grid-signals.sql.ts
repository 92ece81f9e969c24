import type { GridSignalContent } from '../../../domain/market/openadr-objects.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { GRID_SIGNALS_TABLE } from './grid-signals.tables.js';

/** An OpenADR 3.1.0 `event` as the wire has it: VTN metadata, then the content as published. */
export type EventObject = GridSignalContent & {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'EVENT';
};

interface EventRow {
  event_id: string;
  content: GridSignalContent | string;
  created_at: string;
  modified_at: string;
}

const COLUMNS = 'event_id, content, created_at, modified_at';

function toObject(row: EventRow): EventObject {
  const content = typeof row.content === 'string' ? (JSON.parse(row.content) as GridSignalContent) : row.content;
  return {
    id: row.event_id,
    createdDateTime: row.created_at,
    modificationDateTime: row.modified_at,
    objectType: 'EVENT',
    ...content,
  };
}

export interface EventFilter {
  readonly providerId: string;
  readonly programId?: string;
  readonly targets?: readonly string[];
  /** Only events that have not transpired (and were not zeroed) at `now`. */
  readonly activeAt?: string;
  readonly skip: number;
  readonly limit: number;
}

/** The provider's events in publication order; every filter is an equality (AND), never a pattern. */
export async function selectEvents(db: SqlExecutor, filter: EventFilter): Promise<EventObject[]> {
  const rows = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM ${GRID_SIGNALS_TABLE}
      WHERE provider_id = $1
        AND ($2::text IS NULL OR program_id = $2)
        AND ($3::text[] IS NULL OR targets @> $3::text[])
        AND ($4::timestamptz IS NULL OR (NOT zeroed AND (ends_at IS NULL OR ends_at > $4::timestamptz)))
      ORDER BY seq OFFSET $5 LIMIT $6`,
    [
      filter.providerId,
      filter.programId ?? null,
      filter.targets ?? null,
      filter.activeAt ?? null,
      filter.skip,
      filter.limit,
    ],
  );
  return rows.map(toObject);
}

export async function selectEvent(
  db: SqlExecutor,
  providerId: string,
  eventId: string,
): Promise<EventObject | undefined> {
  const [row] = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM ${GRID_SIGNALS_TABLE} WHERE provider_id = $1 AND event_id = $2`,
    [providerId, eventId],
  );
  return row ? toObject(row) : undefined;
}

/** The stream revision the row reflects; -1 when there is no row. */
export async function eventRowRevision(db: SqlExecutor, eventId: string): Promise<number> {
  const [row] = await db.query<{ revision: number }>(`SELECT revision FROM ${GRID_SIGNALS_TABLE} WHERE event_id = $1`, [
    eventId,
  ]);
  return row ? Number(row.revision) : -1;
}
