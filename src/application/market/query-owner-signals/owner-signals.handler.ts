import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MarketObjectNotFoundError } from '../../../domain/market/market.errors.js';
import { localIso, ownerSegments, ownerWindow } from '../../../domain/market/owner-signals.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../ports/read-model-db.port.js';
import { marketOwnerOf } from '../owner-caller.js';
import { enrolledProgramSignals, ownerEnrollmentRefs } from './enrolled-signals.sql.js';
import { QueryOwnerSignals, type OwnerSignals } from './owner-signals.query.js';

/** Segments of every live enrollment's program (or the one named), in start order; a program not joined is a 404. */
@QueryHandler(QueryOwnerSignals)
export class QueryOwnerSignalsHandler implements IQueryHandler<QueryOwnerSignals, OwnerSignals> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}

  async execute({ principal, request }: QueryOwnerSignals): Promise<OwnerSignals> {
    const ownerId = marketOwnerOf(principal);
    const window = ownerWindow(request.from, request.to, request.timeZone);
    const refs = ownerId === null ? [] : await ownerEnrollmentRefs(this.db, ownerId, request.programId, false);
    if (request.programId !== undefined && refs.length === 0)
      throw new MarketObjectNotFoundError('program', request.programId);
    const fromIso = new Date(window.from).toISOString();
    const segments = [];
    for (const ref of refs) {
      const program = await enrolledProgramSignals(this.db, ref, fromIso);
      segments.push(...ownerSegments(program, window, request.timeZone));
    }
    const kept = request.kind === undefined ? segments : segments.filter((s) => s.kind === request.kind);
    // Local strings of one zone compare as instants only with equal offsets; sort by the instant.
    kept.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.payloadType.localeCompare(b.payloadType));
    return {
      from: localIso(window.from, request.timeZone),
      to: localIso(window.to, request.timeZone),
      timeZone: request.timeZone,
      segments: kept,
    };
  }
}
