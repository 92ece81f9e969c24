import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  AddNotificationChannel,
  RemoveNotificationChannel,
  RotateWebhookSecret,
  SendChannelVerificationCode,
  SetNotificationChannelEnabled,
  VerifyNotificationChannel,
} from '../../../application/notifications/manage-channels/notification-channel.commands.js';
import type {
  NotificationChannelView,
  NotificationChannelWithSecret,
} from '../../../application/notifications/notification-channel-view.js';
import {
  GetNotificationChannel,
  ListNotificationChannels,
} from '../../../application/notifications/query-notifications/notification.queries.js';
import { CLOCK, type Clock } from '../../../application/ports/clock.port.js';
import type { Principal } from '../../../domain/access/principal.js';
import { NotificationChannelNotFoundError } from '../../../domain/notifications/notification.errors.js';
import { AuthenticationGuard } from '../access/authentication.guard.js';
import { CurrentPrincipal } from '../access/current-principal.js';
import { ApiBearer, ApiProblems } from '../openapi/api-docs.decorators.js';
import { CorrelationId } from '../shared/correlation-id.js';
import {
  AddChannelRequestDto,
  ChannelEnabledRequestDto,
  VerifyChannelRequestDto,
} from './notifications.request.dto.js';
import {
  NotificationChannelDto,
  NotificationChannelPageDto,
  NotificationChannelWithSecretDto,
} from './notifications.response.dto.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL_ID = ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid' } });
const NOT_FOUND = [404, "The channel does not exist, was removed, or is not the caller's"] as const;

/** An id that cannot be a channel's is not looked up, and answers like someone else's. */
function channelId(id: string): string {
  if (!UUID.test(id)) throw new NotificationChannelNotFoundError(id.slice(0, 64));
  return id.toLowerCase();
}

@Controller('api/notifications/channels')
@UseGuards(AuthenticationGuard)
@ApiTags('notifications')
@ApiBearer()
export class NotificationChannelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private request(principal: Principal, correlationId: string) {
    return { principal, at: this.clock.now(), correlationId };
  }

  @Get()
  @ApiOperation({ operationId: 'listNotificationChannels', summary: "The caller's webhook and e-mail channels" })
  @ApiOkResponse({ type: NotificationChannelPageDto })
  list(@CurrentPrincipal() principal: Principal): Promise<{ items: NotificationChannelView[] }> {
    return this.queries.execute(new ListNotificationChannels(principal));
  }

  @Post()
  @ApiOperation({
    operationId: 'addNotificationChannel',
    summary: 'Add a webhook (answered with its signing secret, once) or an e-mail address (a code is mailed to it)',
  })
  @ApiCreatedResponse({ type: NotificationChannelWithSecretDto })
  @ApiProblems([400, 'Not an HTTPS URL, an address no webhook may reach, or not an e-mail address'], 413, 415, [
    503,
    'E-mail is not configured on this server, or the code could not be mailed',
  ])
  add(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AddChannelRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<NotificationChannelWithSecret> {
    return this.commands.execute(
      new AddNotificationChannel(this.request(principal, correlationId), body.kind, body.address),
    );
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getNotificationChannel', summary: "One of the caller's channels" })
  @CHANNEL_ID
  @ApiOkResponse({ type: NotificationChannelDto })
  @ApiProblems(NOT_FOUND)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<NotificationChannelView> {
    return this.queries.execute(new GetNotificationChannel(principal, channelId(id)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'removeNotificationChannel', summary: 'Remove a channel; nothing more is sent to it' })
  @CHANNEL_ID
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(NOT_FOUND)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(new RemoveNotificationChannel(this.request(principal, correlationId), channelId(id)));
  }

  @Put(':id/enabled')
  @ApiOperation({
    operationId: 'setNotificationChannelEnabled',
    summary: 'Switch a channel off, or on again (a broken one too, once it is fixed)',
  })
  @CHANNEL_ID
  @ApiOkResponse({ type: NotificationChannelDto })
  @ApiProblems(400, NOT_FOUND, 415)
  enable(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: ChannelEnabledRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<NotificationChannelView> {
    return this.commands.execute(
      new SetNotificationChannelEnabled(this.request(principal, correlationId), channelId(id), body.enabled),
    );
  }

  @Post(':id/verification')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyNotificationChannel',
    summary: 'Verify an e-mail channel with the code mailed to it',
  })
  @CHANNEL_ID
  @ApiOkResponse({ type: NotificationChannelDto })
  @ApiProblems(
    [400, 'Not six digits; or the code is wrong, expired or used up'],
    NOT_FOUND,
    [409, 'The channel is verified already, or is a webhook'],
    415,
  )
  verify(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Body() body: VerifyChannelRequestDto,
    @CorrelationId() correlationId: string,
  ): Promise<NotificationChannelView> {
    return this.commands.execute(
      new VerifyNotificationChannel(this.request(principal, correlationId), channelId(id), body.code),
    );
  }

  @Post(':id/verification-code')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'sendNotificationChannelCode',
    summary: 'Mail a new verification code (valid 15 minutes)',
  })
  @CHANNEL_ID
  @ApiAcceptedResponse({ description: 'Mailed' })
  @ApiProblems(NOT_FOUND, [409, 'The channel needs no code'], [503, 'E-mail is not configured, or the mail failed'])
  async sendCode(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.commands.execute(new SendChannelVerificationCode(this.request(principal, correlationId), channelId(id)));
  }

  @Post(':id/secret')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rotateNotificationWebhookSecret',
    summary: 'A new signing secret (shown once); the previous one keeps signing beside it for 24 hours',
  })
  @CHANNEL_ID
  @ApiOkResponse({ type: NotificationChannelWithSecretDto })
  @ApiProblems(NOT_FOUND, [409, 'The channel is not a webhook'])
  rotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @CorrelationId() correlationId: string,
  ): Promise<NotificationChannelWithSecret> {
    return this.commands.execute(new RotateWebhookSecret(this.request(principal, correlationId), channelId(id)));
  }
}
