import type { GridSignalContent, ProgramContent } from '../../domain/market/openadr-objects.js';
import type { EventObject } from './grid-signals-read-model/grid-signals.sql.js';
import type { ProgramObject } from './programs-read-model/programs.sql.js';

/** The wire object a write answers with, built from the decider's state (what the read model will show). */
export function programObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  content: ProgramContent,
): ProgramObject {
  return { id, createdDateTime: createdAt, modificationDateTime: modifiedAt, objectType: 'PROGRAM', ...content };
}

export function eventObject(
  id: string,
  createdAt: string,
  modifiedAt: string,
  content: GridSignalContent,
): EventObject {
  return { id, createdDateTime: createdAt, modificationDateTime: modifiedAt, objectType: 'EVENT', ...content };
}

/** OpenADR `skip`/`limit` after parsing: the spec caps `limit` at 50. */
export interface OpenAdrPage {
  readonly skip: number;
  readonly limit: number;
}
