import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ObjectNotVisibleError } from '../../../application/access/access.errors.js';
import type { AlarmPage, AlarmView } from '../../../application/monitoring/query-alarms/alarm-view.js';
import { GetAlarm } from '../../../application/monitoring/query-alarms/get-alarm.query.js';
import { ListAlarms } from '../../../application/monitoring/query-alarms/list-alarms.query.js';
import type { Principal } from '../../../domain/access/principal.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { AlarmsRequestDto } from './alarms.request.dto.js';
import { AlarmDto, AlarmPageDto } from './alarms.response.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('api/alarms')
@UseGuards(AuthenticationGuard)
@ApiTags('alarms')
@ApiBearer()
export class AlarmsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    operationId: 'listAlarms',
    summary: 'Open and past alarms of the sensors the caller may read (owner, admin, `read` grant), newest first',
  })
  @ApiOkResponse({ type: AlarmPageDto })
  @ApiProblems([400, 'A parameter is invalid, or `from` is not before `to`'])
  list(@CurrentPrincipal() principal: Principal, @Query() request: AlarmsRequestDto): Promise<AlarmPage> {
    return this.queries.execute(
      new ListAlarms(principal, {
        state: request.state ?? 'all',
        ...(request.node !== undefined ? { nodeId: request.node } : {}),
        ...(request.sensor !== undefined ? { sensorId: request.sensor } : {}),
        ...(request.from !== undefined ? { from: request.from } : {}),
        ...(request.to !== undefined ? { to: request.to } : {}),
        ...(request.afterSeq !== undefined ? { afterSeq: request.afterSeq } : {}),
        limit: request.limit ?? 100,
      }),
    );
  }

  @Get(':alarmId')
  @ApiOperation({
    operationId: 'getAlarm',
    summary: 'One alarm: the setting it was judged by, since when, its values, and how it ended',
  })
  @ApiParam({ name: 'alarmId', schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ type: AlarmDto })
  @ApiProblems([404, 'The alarm does not exist, or the caller may not read its sensor'])
  get(@CurrentPrincipal() principal: Principal, @Param('alarmId') alarmId: string): Promise<AlarmView> {
    if (!UUID.test(alarmId)) throw new ObjectNotVisibleError('alarm', alarmId.slice(0, 64));
    return this.queries.execute(new GetAlarm(principal, alarmId));
  }
}
