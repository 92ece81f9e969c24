import { BadRequestException, Controller, Get, Headers, Inject, Optional, Query, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import type { FastifyReply } from 'fastify';
import { WatchReadings } from '../../../application/metering/query-readings/watch-readings/watch-readings.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { StreamReadingsRequestDto } from './readings.request.dto.js';
import { DEFAULT_SSE_OPTIONS, serveSse, SSE_OPTIONS, type SseOptions } from './sse-session.js';

@Controller('api/readings')
@UseGuards(AuthenticationGuard)
@ApiTags('readings')
@ApiBearer()
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
  @ApiOperation({
    operationId: 'streamReadings',
    summary: 'Server-Sent Events: live canonical readings of the sensors, as they are stored',
    description:
      "Each event is `event: reading` with a CanonicalReading as JSON in `data`; comment lines keep the stream alive. The last reading of each stored event carries `id:` with that event's log position; a client that reconnects with it as `Last-Event-ID` gets every reading after that event, none twice.",
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after the event with this log position (the last `id:` received)',
    schema: { type: 'string', maxLength: 200 },
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An endless event stream',
    content: {
      'text/event-stream': {
        schema: { type: 'string', example: 'event: reading\ndata: {"sensorId":"…","value":412.5}\n\n' },
      },
    },
  })
  @ApiProblems(400, [503, 'The server already serves as many live streams as it allows'])
  async stream(
    @CurrentPrincipal() principal: Principal,
    @Query() request: StreamReadingsRequestDto,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    if (lastEventId !== undefined && (lastEventId.length === 0 || lastEventId.length > 200))
      throw new BadRequestException('Last-Event-ID must be 1 to 200 characters');
    // Joined before hijacking, so a refusal (bad input, too many streams) is still an ordinary error answer.
    const feed = await this.queries.execute(new WatchReadings(principal, request.sensor, lastEventId ?? null));
    reply.hijack();
    await serveSse(reply.raw, feed, this.options);
  }
}
