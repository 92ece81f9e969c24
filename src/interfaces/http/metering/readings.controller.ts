import { Readable } from 'node:stream';
import { Controller, Get, Headers, Query, StreamableFile, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { LatestReadingsDto, ReadingSeriesDto } from './readings.response.dto.js';
import {
  GetLatestReadings,
  type LatestReadings,
} from '../../../application/metering/query-readings/latest-readings/get-latest-readings.query.js';
import { QueryReadingSeries } from '../../../application/metering/query-readings/reading-series/query-reading-series.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { LatestReadingsRequestDto, SeriesRequestDto } from './readings.request.dto.js';
import { prefersCsv, seriesCsv, seriesJson } from './series-output.js';

@Controller('api/readings')
@UseGuards(AuthenticationGuard)
@ApiTags('readings')
@ApiBearer()
@ApiExtraModels(ReadingSeriesDto)
export class ReadingsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('latest')
  @ApiOperation({ operationId: 'getLatestReadings', summary: 'The newest canonical reading of each sensor asked for' })
  @ApiOkResponse({ type: LatestReadingsDto })
  @ApiProblems(400)
  latest(
    @CurrentPrincipal() principal: Principal,
    @Query() request: LatestReadingsRequestDto,
  ): Promise<LatestReadings> {
    return this.queries.execute(new GetLatestReadings(principal, request.sensor));
  }

  /**
   * Limits and the raw point count are checked before the first byte, so they still answer 400; after that the
   * body is streamed page by page (a failure mid-way aborts the response).
   */
  @Get('series')
  @ApiOperation({
    operationId: 'getReadingSeries',
    summary: 'Time series of sensors: raw points or 15m/1h/1d buckets, as JSON or CSV (streamed)',
    description: 'CSV when `format=csv` or when the Accept header ranks text/csv above application/json.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'The series, streamed page by page',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ReadingSeriesDto) } },
      'text/csv': {
        schema: {
          type: 'string',
          description:
            'Header line, then one line per point: sensor_id,t,value (raw) or sensor_id,t,count,avg,min,max,delta',
        },
      },
    },
  })
  @ApiProblems([400, 'Invalid parameters, a range longer than the bucket allows, or too many raw points'])
  async series(
    @CurrentPrincipal() principal: Principal,
    @Query() request: SeriesRequestDto,
    @Headers('accept') accept?: string,
  ): Promise<StreamableFile> {
    const series = await this.queries.execute(
      new QueryReadingSeries(principal, {
        sensorIds: request.sensor,
        from: request.from,
        to: request.to,
        bucket: request.bucket,
      }),
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
