import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiPublic } from '../openapi/api-docs.decorators.js';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthReportDto, LivenessDto } from './health.response.dto.js';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port.js';
import { READ_MODEL_DB, type ReadModelDb } from '../../../application/ports/read-model-db.port.js';
import type { ProjectionSupervisor } from '../../../application/projections/projection-supervisor.js';
import { PROJECTION_SUPERVISOR } from '../runtime.tokens.js';

type Check = { status: 'up' } | { status: 'down'; error: string };

async function check(probe: () => Promise<void>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@Controller('health')
@ApiTags('operations')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_SUPERVISOR) private readonly projections: ProjectionSupervisor,
  ) {}

  /** Liveness: the process answers. */
  @Get('live')
  @ApiPublic()
  @ApiOperation({ operationId: 'getLiveness', summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: LivenessDto })
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  /** Readiness: both databases answer; projection progress is reported alongside. */
  @Get()
  @ApiPublic()
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Readiness: event store and read models answer; projection lag',
  })
  @ApiOkResponse({ type: HealthReportDto, description: 'Ready' })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A database does not answer' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const [eventStore, readModels] = await Promise.all([check(() => this.store.ping()), check(() => this.db.ping())]);
    const up = eventStore.status === 'up' && readModels.status === 'up';
    const projections = up
      ? (await this.projections.health()).map((p) => ({
          name: p.name,
          active: p.active,
          lag: p.lag,
          lastError: p.lastError,
        }))
      : [];
    void reply.status(up ? 200 : 503);
    return { status: up ? 'up' : 'down', checks: { eventStore, readModels }, projections };
  }
}
