import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  notificationChannelDecider,
  type NotificationChannelCommand,
  type NotificationChannelState,
} from '../../../domain/notifications/notification-channel.decider.js';
import {
  InvalidNotificationSettingError,
  InvalidVerificationCodeError,
  NotificationChannelConflictError,
  NotificationServiceUnavailableError,
} from '../../../domain/notifications/notification.errors.js';
import { KEY_VAULT, type KeyVault } from '../../gateways/ports/key-vault.port.js';
import { EVENT_STORE, type EventStore } from '../../ports/event-store.port.js';
import { handleWithDecider } from '../../shared/decider-command.js';
import {
  NOTIFICATION_CHANNEL_EVENTS,
  notificationChannelStream,
  notificationOwnerOf,
} from '../notification-streams.js';
import {
  channelView,
  type NotificationChannelView,
  type NotificationChannelWithSecret,
} from '../notification-channel-view.js';
import { MAILER, type Mailer } from '../ports/mailer.port.js';
import { NotificationSendError } from '../ports/notification-sender.port.js';
import { WEBHOOK_URL_POLICY, type WebhookUrlPolicy } from '../ports/webhook-url-policy.port.js';
import { loadOwnedChannel } from '../owned-channel.js';
import { newSigningSecret, secretFingerprint } from '../signing-secret.js';
import {
  AddNotificationChannel,
  RemoveNotificationChannel,
  RotateWebhookSecret,
  SendChannelVerificationCode,
  SetNotificationChannelEnabled,
  VerifyNotificationChannel,
} from './notification-channel.commands.js';

/** A one-time code is good for 15 minutes; a rotated secret keeps signing for 24 hours. */
const CODE_VALID_MS = 15 * 60_000;
const ROTATION_OVERLAP_MS = 24 * 3_600_000;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Load, decide, append on one channel's stream, as its owner. */
class ChannelWriter {
  constructor(readonly store: EventStore) {}

  async decide(
    request: { principal: AddNotificationChannel['request']['principal']; correlationId: string },
    channelId: string,
    command: (ownerId: string) => NotificationChannelCommand,
    beforeAppend?: () => Promise<void>,
  ): Promise<{ state: NotificationChannelState; decided: boolean }> {
    const ownerId = notificationOwnerOf(request.principal);
    const handled = await handleWithDecider(
      this.store,
      notificationChannelStream(channelId),
      notificationChannelDecider,
      command(ownerId),
      { actorId: ownerId, correlationId: request.correlationId },
      { events: NOTIFICATION_CHANNEL_EVENTS, ...(beforeAppend ? { beforeAppend } : {}) },
    );
    const state = handled.events.reduce(notificationChannelDecider.evolve, handled.state);
    return { state, decided: handled.events.length > 0 };
  }
}

/** Sends an e-mail channel's one-time code: stored in the vault first, mailed, then recorded by its vault entry. */
class CodeSender {
  constructor(
    readonly writer: ChannelWriter,
    readonly vault: KeyVault,
    readonly mailer: Mailer | null,
  ) {}

  async send(
    command: AddNotificationChannel | SendChannelVerificationCode,
    channelId: string,
    to: string,
  ): Promise<void> {
    const mailer = this.requireMailer();
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const codeKeyId = `notification-email-code:${channelId}:${randomUUID()}`;
    const { at } = command.request;
    await this.writer.decide(
      command.request,
      channelId,
      (ownerId) => ({
        type: 'SendVerificationCode',
        data: {
          channelId,
          ownerId,
          codeKeyId,
          expiresAt: new Date(at.getTime() + CODE_VALID_MS).toISOString(),
          at: at.toISOString(),
        },
      }),
      async () => {
        await this.vault.put(codeKeyId, Buffer.from(code, 'utf8'));
        try {
          await mailer.send({
            to,
            subject: '[Wattlog] Your verification code',
            text: `Your code to receive Wattlog notifications at this address: ${code}\nIt is valid for 15 minutes.\n`,
          });
        } catch (error) {
          const reason = error instanceof NotificationSendError ? error.message : 'the mail server failed';
          throw new NotificationServiceUnavailableError(
            `the verification code could not be sent (${reason}); ask for a new one`,
          );
        }
      },
    );
  }

  requireMailer(): Mailer {
    if (!this.mailer)
      throw new NotificationServiceUnavailableError('e-mail is not configured on this server (SMTP_URL)');
    return this.mailer;
  }
}

abstract class ChannelHandler {
  protected readonly writer: ChannelWriter;
  protected readonly codes: CodeSender;
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(KEY_VAULT) protected readonly vault: KeyVault,
    @Inject(WEBHOOK_URL_POLICY) protected readonly urls: WebhookUrlPolicy,
    @Optional() @Inject(MAILER) mailer?: Mailer | null,
  ) {
    this.writer = new ChannelWriter(store);
    this.codes = new CodeSender(this.writer, vault, mailer ?? null);
  }
}

@CommandHandler(AddNotificationChannel)
export class AddNotificationChannelHandler
  extends ChannelHandler
  implements ICommandHandler<AddNotificationChannel, NotificationChannelWithSecret>
{
  async execute(command: AddNotificationChannel): Promise<NotificationChannelWithSecret> {
    const { kind, request } = command;
    const address = command.address.trim();
    const channelId = randomUUID();
    const at = request.at.toISOString();
    if (kind === 'email') {
      if (address.length > 254 || !EMAIL.test(address)) {
        throw new InvalidNotificationSettingError(['address must be an e-mail address']);
      }
      this.codes.requireMailer();
      const { state } = await this.writer.decide(request, channelId, (ownerId) => ({
        type: 'AddChannel',
        data: { channelId, ownerId, kind, address, at },
      }));
      await this.codes.send(command, channelId, address);
      return { channel: { ...channelView(state), status: 'unverified' } };
    }
    const problems = this.urls.problems(address);
    if (problems.length > 0) throw new InvalidNotificationSettingError(problems);
    const secret = newSigningSecret();
    const signingSecret = {
      keyId: `notification-webhook-secret:${channelId}:${randomUUID()}`,
      fingerprint: secretFingerprint(secret),
    };
    const { state } = await this.writer.decide(
      request,
      channelId,
      (ownerId) => ({ type: 'AddChannel', data: { channelId, ownerId, kind, address, signingSecret, at } }),
      () => this.vault.put(signingSecret.keyId, Buffer.from(secret, 'utf8')),
    );
    return { channel: channelView(state), signingSecret: secret };
  }
}

@CommandHandler(SendChannelVerificationCode)
export class SendChannelVerificationCodeHandler
  extends ChannelHandler
  implements ICommandHandler<SendChannelVerificationCode, void>
{
  async execute(command: SendChannelVerificationCode): Promise<void> {
    const channel = await loadOwnedChannel(this.writer.store, command.request.principal, command.channelId);
    if (channel.kind !== 'email' || channel.verified) {
      throw new NotificationChannelConflictError(`channel ${command.channelId} needs no verification code`);
    }
    await this.codes.send(command, command.channelId, channel.address);
  }
}

@CommandHandler(VerifyNotificationChannel)
export class VerifyNotificationChannelHandler
  extends ChannelHandler
  implements ICommandHandler<VerifyNotificationChannel, NotificationChannelView>
{
  async execute({ request, channelId, code }: VerifyNotificationChannel): Promise<NotificationChannelView> {
    const channel = await loadOwnedChannel(this.writer.store, request.principal, channelId);
    const codeKeyId = channel.code?.keyId ?? '';
    const stored = codeKeyId === '' ? undefined : await this.vault.get(codeKeyId);
    const given = Buffer.from(code.trim(), 'utf8');
    const codeMatches = stored !== undefined && stored.length === given.length && timingSafeEqual(stored, given);
    const { state } = await this.writer.decide(request, channelId, (ownerId) => ({
      type: 'VerifyChannel',
      data: { channelId, ownerId, codeKeyId, codeMatches, at: request.at.toISOString() },
    }));
    if (state.status === 'none' || !state.verified) {
      throw new InvalidVerificationCodeError(
        'the code is wrong, expired or used up; ask for a new one after five wrong tries or 15 minutes',
      );
    }
    return channelView(state);
  }
}

@CommandHandler(RotateWebhookSecret)
export class RotateWebhookSecretHandler
  extends ChannelHandler
  implements ICommandHandler<RotateWebhookSecret, NotificationChannelWithSecret>
{
  async execute({ request, channelId }: RotateWebhookSecret): Promise<NotificationChannelWithSecret> {
    const secret = newSigningSecret();
    const signingSecret = {
      keyId: `notification-webhook-secret:${channelId}:${randomUUID()}`,
      fingerprint: secretFingerprint(secret),
    };
    const { state } = await this.writer.decide(
      request,
      channelId,
      (ownerId) => ({
        type: 'RotateWebhookSecret',
        data: {
          channelId,
          ownerId,
          signingSecret,
          previousValidUntil: new Date(request.at.getTime() + ROTATION_OVERLAP_MS).toISOString(),
          at: request.at.toISOString(),
        },
      }),
      () => this.vault.put(signingSecret.keyId, Buffer.from(secret, 'utf8')),
    );
    return { channel: channelView(state), signingSecret: secret };
  }
}

@CommandHandler(SetNotificationChannelEnabled)
export class SetNotificationChannelEnabledHandler
  extends ChannelHandler
  implements ICommandHandler<SetNotificationChannelEnabled, NotificationChannelView>
{
  async execute({ request, channelId, enabled }: SetNotificationChannelEnabled): Promise<NotificationChannelView> {
    const at = request.at.toISOString();
    const { state } = await this.writer.decide(request, channelId, (ownerId) =>
      enabled
        ? { type: 'EnableChannel', data: { channelId, ownerId, at } }
        : { type: 'DisableChannel', data: { channelId, ownerId, reason: 'owner', at } },
    );
    return channelView(state);
  }
}

@CommandHandler(RemoveNotificationChannel)
export class RemoveNotificationChannelHandler
  extends ChannelHandler
  implements ICommandHandler<RemoveNotificationChannel, void>
{
  async execute({ request, channelId }: RemoveNotificationChannel): Promise<void> {
    await this.writer.decide(request, channelId, (ownerId) => ({
      type: 'RemoveChannel',
      data: { channelId, ownerId, at: request.at.toISOString() },
    }));
  }
}
