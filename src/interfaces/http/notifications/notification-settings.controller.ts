import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  MarkInboxRead,
  SetNotificationPreference,
  SetQuietHours,
} from '../../../application/notifications/manage-settings/notification-settings.commands.js';
import type {
  InboxItemView,
  NotificationPreferencesView,
} from '../../../application/notifications/query-notifications/notification-query.handlers.js';
import {
  GetNotificationPreferences,
  ListInbox,
} from '../../../application/notifications/query-notifications/notification.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { NOTIFICATION_TOPICS } from '../../../domain/notifications/notification-topics.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  InboxQueryDto,
  MarkReadRequestDto,
  PreferenceRequestDto,
  QuietHoursRequestDto,
} from './notifications.request.dto.js';
import { InboxPageDto, MarkedReadDto, NotificationPreferencesDto } from './notifications.response.dto.js';

@Controller('api/notifications')
@UseGuards(AuthenticationGuard)
@ApiTags('notifications')
@ApiBearer()
export class NotificationSettingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private request(principal: Principal, correlationId: string) {
    return { principal, at: this.clock.now(), correlationId };
  }

  @Get('preferences')
  @ApiOperation({
    operationId: 'getNotificationPreferences',
    summary: 'Which topics reach which channel (the inbox receives every topic), and the quiet hours',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesView> {
    return this.queries.execute(new GetNotificationPreferences(principal));
  }

  @Put('preferences/:topic/:channelId')
  @HttpCode(204)
  @ApiOperation({ operationId: 'setNotificationPreference', summary: 'Whether a topic reaches one of the channels' })
  @ApiParam({ name: 'topic', schema: { type: 'string', enum: [...NOTIFICATION_TOPICS] } })
  @ApiParam({ name: 'channelId', schema: { type: 'string', format: 'uuid' } })
  @ApiNoContentResponse({ description: 'Set' })
  @ApiProblems(
    [400, 'An unknown topic, or the inbox (it receives every topic)'],
    [404, "Not one of the caller's channels"],
    415,
  )
  async setPreference(
    @CurrentPrincipal() principal: Principal,
    @Param('topic') topic: string,
    @Param('channelId') channelId: string,
    @Body() body: PreferenceRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(
      new SetNotificationPreference(
        this.request(principal, correlationId),
        topic.slice(0, 64),
        channelId.slice(0, 64),
        body.enabled,
      ),
    );
  }

  @Put('quiet-hours')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'setNotificationQuietHours',
    summary: 'Hold webhooks and e-mail in these local hours (never failed sheds or grid emergencies)',
  })
  @ApiNoContentResponse({ description: 'Set' })
  @ApiProblems([400, 'A time is not HH:MM, start equals end, or the time zone is unknown'], 415)
  async setQuietHours(
    @CurrentPrincipal() principal: Principal,
    @Body() body: QuietHoursRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    const { start, end, timeZone } = body;
    await this.commands.execute(new SetQuietHours(this.request(principal, correlationId), { start, end, timeZone }));
  }

  @Delete('quiet-hours')
  @HttpCode(204)
  @ApiOperation({ operationId: 'clearNotificationQuietHours', summary: 'No quiet hours any more' })
  @ApiNoContentResponse({ description: 'Cleared' })
  async clearQuietHours(
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(new SetQuietHours(this.request(principal, correlationId), null));
  }

  @Get('inbox')
  @ApiOperation({ operationId: 'listNotificationInbox', summary: "The caller's in-app notifications, newest first" })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiProblems(400)
  inbox(
    @CurrentPrincipal() principal: Principal,
    @Query() query: InboxQueryDto,
  ): Promise<{ items: InboxItemView[]; unread: number }> {
    return this.queries.execute(new ListInbox(principal, query.unread === 'true', query.limit ?? 50));
  }

  @Post('inbox/read')
  @HttpCode(200)
  @ApiOperation({ operationId: 'markNotificationsRead', summary: 'Mark inbox items read, by id or all at once' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiProblems([400, 'Neither `ids` nor `all: true`'], 413, 415)
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Body() body: MarkReadRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<{ marked: number }> {
    if (body.all !== true && body.ids === undefined) throw new BadRequestException('give `ids` or `all: true`');
    const marked = await this.commands.execute<MarkInboxRead, number>(
      new MarkInboxRead(this.request(principal, correlationId), body.all === true ? 'all' : { ids: body.ids ?? [] }),
    );
    return { marked };
  }
}
