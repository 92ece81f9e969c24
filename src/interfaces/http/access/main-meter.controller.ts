import { Body, Controller, Get, Inject, Put, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length, ValidateIf } from 'class-validator';
import { ChooseMainMeter } from '../../../application/access/choose-main-meter/choose-main-meter.command.js';
import type { MainMeter } from '../../../application/access/choose-main-meter/main-meter-stream.js';
import { GetMainMeter } from '../../../application/access/get-main-meter/get-main-meter.query.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { CurrentPrincipal } from './current-principal.js';

export class MainMeterDto implements MainMeter {
  @ApiProperty({
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: 300,
    description:
      'The power sensor read as the home total (the grid meter); the Now page shows it minus the sub-meters as untracked. Null: none chosen',
    example: 'dsmr:4530303331303033/power',
  })
  @ValidateIf((body: MainMeterDto) => body.sensorId !== null)
  @IsString()
  @Length(1, 300)
  readonly sensorId!: string | null;
}

@Controller('api/me/main-meter')
@UseGuards(AuthenticationGuard)
@ApiTags('access')
@ApiBearer()
export class MainMeterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getMainMeter',
    summary: "The caller's main meter: the power sensor whose reading the sub-meters are subtracted from",
  })
  @ApiOkResponse({ type: MainMeterDto })
  get(@CurrentPrincipal() principal: Principal): Promise<MainMeter> {
    return this.queries.execute(new GetMainMeter(principal));
  }

  @Put()
  @ApiOperation({
    operationId: 'chooseMainMeter',
    summary: 'Choose (or with null, clear) the main meter; it must be a power sensor the caller may read',
  })
  @ApiOkResponse({ type: MainMeterDto })
  @ApiProblems(
    [400, 'sensorId is missing or invalid, or the sensor does not measure power'],
    [404, 'The sensor does not exist, or the caller may not read it'],
    413,
    415,
  )
  choose(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MainMeterDto,
    @CorrelationId() correlationId: string,
  ): Promise<MainMeter> {
    return this.commands.execute(new ChooseMainMeter(principal, body.sensorId, this.clock.now(), correlationId));
  }
}
