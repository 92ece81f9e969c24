import type { ProgramContent } from '../../../domain/market/openadr-objects.js';
import type { SqlExecutor } from '../../ports/read-model-db.port.js';
import { PROGRAMS_TABLE } from './programs.tables.js';

/** An OpenADR 3.1.0 `program` as the wire has it: VTN metadata, then the content as published. */
export type ProgramObject = ProgramContent & {
  readonly id: string;
  readonly createdDateTime: string;
  readonly modificationDateTime: string;
  readonly objectType: 'PROGRAM';
};

interface ProgramRow {
  program_id: string;
  content: ProgramContent | string;
  created_at: string;
  modified_at: string;
}

const COLUMNS = 'program_id, content, created_at, modified_at';

function toObject(row: ProgramRow): ProgramObject {
  const content = typeof row.content === 'string' ? (JSON.parse(row.content) as ProgramContent) : row.content;
  return {
    id: row.program_id,
    createdDateTime: row.created_at,
    modificationDateTime: row.modified_at,
    objectType: 'PROGRAM',
    ...content,
  };
}

export interface ProgramFilter {
  readonly providerId: string;
  readonly targets?: readonly string[];
  readonly skip: number;
  readonly limit: number;
}

/** The provider's programs in publication order; `targets` keeps those that carry every target named (equality). */
export async function selectPrograms(db: SqlExecutor, filter: ProgramFilter): Promise<ProgramObject[]> {
  const rows = await db.query<ProgramRow>(
    `SELECT ${COLUMNS} FROM ${PROGRAMS_TABLE}
      WHERE provider_id = $1 AND ($2::text[] IS NULL OR targets @> $2::text[])
      ORDER BY seq OFFSET $3 LIMIT $4`,
    [filter.providerId, filter.targets ?? null, filter.skip, filter.limit],
  );
  return rows.map(toObject);
}

export async function selectProgram(
  db: SqlExecutor,
  providerId: string,
  programId: string,
): Promise<ProgramObject | undefined> {
  const [row] = await db.query<ProgramRow>(
    `SELECT ${COLUMNS} FROM ${PROGRAMS_TABLE} WHERE provider_id = $1 AND program_id = $2`,
    [providerId, programId],
  );
  return row ? toObject(row) : undefined;
}

/** The id of the program holding this name (any provider's: names are unique per VTN), other than `except`. */
export async function programIdByName(
  db: SqlExecutor,
  programName: string,
  except?: string,
): Promise<string | undefined> {
  const [row] = await db.query<{ program_id: string }>(
    `SELECT program_id FROM ${PROGRAMS_TABLE} WHERE program_name = $1 AND ($2::text IS NULL OR program_id <> $2) LIMIT 1`,
    [programName, except ?? null],
  );
  return row?.program_id;
}

/** The stream revision the row reflects; -1 when there is no row (never published, or withdrawn). */
export async function programRowRevision(db: SqlExecutor, programId: string): Promise<number> {
  const [row] = await db.query<{ revision: number }>(`SELECT revision FROM ${PROGRAMS_TABLE} WHERE program_id = $1`, [
    programId,
  ]);
  return row ? Number(row.revision) : -1;
}

/** Every published program, in publication order: what an owner may join (any provider's). */
export async function selectJoinablePrograms(db: SqlExecutor, skip: number, limit: number): Promise<ProgramObject[]> {
  const rows = await db.query<ProgramRow>(`SELECT ${COLUMNS} FROM ${PROGRAMS_TABLE} ORDER BY seq OFFSET $1 LIMIT $2`, [
    skip,
    limit,
  ]);
  return rows.map(toObject);
}

/** A published program by id, whoever's it is (for owners, who see every program they may join). */
export async function selectAnyProgram(db: SqlExecutor, programId: string): Promise<ProgramObject | undefined> {
  const [row] = await db.query<ProgramRow>(`SELECT ${COLUMNS} FROM ${PROGRAMS_TABLE} WHERE program_id = $1`, [
    programId,
  ]);
  return row ? toObject(row) : undefined;
}
