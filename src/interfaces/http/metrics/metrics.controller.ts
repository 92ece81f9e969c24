import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiPublic } from '../openapi/api-docs.decorators.js';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '../runtime.tokens.js';

@Controller('metrics')
@ApiTags('operations')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @ApiPublic()
  @ApiOperation({ operationId: 'getMetrics', summary: 'Prometheus metrics, including projection lag' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
