import { Readable } from 'node:stream';
import { Controller, Get, Headers, Query, StreamableFile, UseFilters, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetLatestReadings, type LatestReadings } from '../../../application/metering/query-readings/latest-readings/get-latest-readings.query.js';
import { QueryReadingSeries } from '../../../application/metering/query-readings/reading-series/query-reading-series.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AccessErrorsFilter } from '../auth/access-errors.filter.js';
import { AuthenticationGuard } from '../auth/authentication.guard.js';
import { CurrentPrincipal } from '../auth/current-principal.js';
import { ReadingQueryErrorsFilter } from './reading-query-errors.filter.js';
import { LatestReadingsRequestDto, SeriesRequestDto } from './readings.request.dto.js';
import { prefersCsv, seriesCsv, seriesJson } from './series-output.js';

@Controller('api/readings')
@UseGuards(AuthenticationGuard)
@UseFilters(ReadingQueryErrorsFilter, AccessErrorsFilter)
export class ReadingsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('latest')
  latest(@CurrentPrincipal() principal: Principal, @Query() request: LatestReadingsRequestDto): Promise<LatestReadings> {
    return this.queries.execute(new GetLatestReadings(principal, request.sensor));
  }

  /**
   * Limits and the raw point count are checked before the first byte, so they still answer 400; after that the
   * body is streamed page by page (a failure mid-way aborts the response).
   */
  @Get('series')
  async series(@CurrentPrincipal() principal: Principal, @Query() request: SeriesRequestDto, @Headers('accept') accept?: string): Promise<StreamableFile> {
    const series = await this.queries.execute(
      new QueryReadingSeries(principal, { sensorIds: request.sensor, from: request.from, to: request.to, bucket: request.bucket }),
    );
    const csv = request.format === 'csv' || (request.format === undefined && prefersCsv(accept));
    return csv
      ? new StreamableFile(Readable.from(seriesCsv(series)), {
          type: 'text/csv; charset=utf-8; header=present',
          disposition: `attachment; filename="readings-${series.bucket}.csv"`,
        })
      : new StreamableFile(Readable.from(seriesJson(series)), { type: 'application/json; charset=utf-8' });
  }
}
