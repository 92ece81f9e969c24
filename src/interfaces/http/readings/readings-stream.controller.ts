import { Controller, Get, Inject, Optional, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { WatchReadings } from '../../../application/metering/query-readings/watch-readings/watch-readings.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ReadingQueryErrorsFilter } from './reading-query-errors.filter.js';
import { StreamReadingsRequestDto } from './readings.request.dto.js';
import { DEFAULT_SSE_OPTIONS, serveSse, SSE_OPTIONS, type SseOptions } from './sse-session.js';

@Controller('api/readings')
@UseGuards(AuthenticationGuard)
@UseFilters(ReadingQueryErrorsFilter, AccessErrorsFilter)
export class ReadingsStreamController {
  private readonly options: SseOptions;

  constructor(
    private readonly queries: QueryBus,
    @Optional() @Inject(SSE_OPTIONS) options?: SseOptions,
  ) {
    this.options = options ?? DEFAULT_SSE_OPTIONS;
  }

  /** Server-Sent Events (`event: reading`, JSON canonical reading) of the sensors' readings stored from now on. */
  @Get('stream')
  async stream(@CurrentPrincipal() principal: Principal, @Query() request: StreamReadingsRequestDto, @Res() reply: FastifyReply): Promise<void> {
    // Joined before hijacking, so a refusal (bad input, too many streams) is still an ordinary error answer.
    const feed = await this.queries.execute(new WatchReadings(principal, request.sensor));
    reply.hijack();
    await serveSse(reply.raw, feed, this.options);
  }
}
