import { assertNever, type Decider } from '../shared/decider.js';
import type { NotificationChannelEvent, VaultSecretRef } from './notification-channel.events.js';
import {
  InvalidNotificationSettingError,
  NotificationChannelConflictError,
  NotificationChannelNotFoundError,
} from './notification.errors.js';
import type { ChannelKind } from './notification-topics.js';

/** Wrong codes accepted per code before it is used up and a new one must be sent. */
export const MAX_CODE_ATTEMPTS = 5;

export type ChannelStatus = 'unverified' | 'active' | 'disabled' | 'broken' | 'removed';

export type NotificationChannelState =
  | { readonly status: 'none' }
  | {
      readonly status: ChannelStatus;
      readonly channelId: string;
      readonly ownerId: string;
      readonly kind: ChannelKind;
      readonly address: string;
      readonly verified: boolean;
      readonly signingSecret?: VaultSecretRef;
      readonly previousSecret?: VaultSecretRef & { readonly validUntil: string };
      readonly code?: { readonly keyId: string; readonly expiresAt: string; readonly attempts: number };
    };

type Existing = Exclude<NotificationChannelState, { status: 'none' }>;

interface Owned {
  readonly channelId: string;
  readonly ownerId: string;
  readonly at: string;
}

export type NotificationChannelCommand =
  | {
      readonly type: 'AddChannel';
      readonly data: Owned & { kind: ChannelKind; address: string; signingSecret?: VaultSecretRef };
    }
  | { readonly type: 'SendVerificationCode'; readonly data: Owned & { codeKeyId: string; expiresAt: string } }
  | { readonly type: 'VerifyChannel'; readonly data: Owned & { codeKeyId: string; codeMatches: boolean } }
  | {
      readonly type: 'RotateWebhookSecret';
      readonly data: Owned & { signingSecret: VaultSecretRef; previousValidUntil: string };
    }
  | { readonly type: 'DisableChannel'; readonly data: Owned & { reason: 'owner' } }
  | {
      readonly type: 'MarkChannelBroken';
      readonly data: Owned & { consecutiveFailures: number; lastError: string };
    }
  | { readonly type: 'EnableChannel'; readonly data: Owned }
  | { readonly type: 'RemoveChannel'; readonly data: Owned };

const initialState = (): NotificationChannelState => ({ status: 'none' });

function evolve(state: NotificationChannelState, event: NotificationChannelEvent): NotificationChannelState {
  if (event.type === 'NotificationChannelAdded') {
    const { channelId, ownerId, kind, address, signingSecret } = event.data;
    const verified = kind === 'webhook';
    return {
      status: verified ? 'active' : 'unverified',
      channelId,
      ownerId,
      kind,
      address,
      verified,
      ...(signingSecret ? { signingSecret } : {}),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'NotificationChannelCodeSent':
      return { ...state, code: { keyId: event.data.codeKeyId, expiresAt: event.data.expiresAt, attempts: 0 } };
    case 'NotificationChannelVerificationFailed':
      return state.code ? { ...state, code: { ...state.code, attempts: event.data.attempt } } : state;
    case 'NotificationChannelVerified': {
      const { code: _used, ...rest } = state;
      return { ...rest, status: 'active', verified: true };
    }
    case 'NotificationWebhookSecretRotated':
      return {
        ...state,
        signingSecret: event.data.signingSecret,
        previousSecret: { ...event.data.previous, validUntil: event.data.previousValidUntil },
      };
    case 'NotificationChannelDisabled':
      return { ...state, status: event.data.reason === 'broken' ? 'broken' : 'disabled' };
    case 'NotificationChannelEnabled':
      return { ...state, status: state.verified ? 'active' : 'unverified' };
    case 'NotificationChannelRemoved':
      return { ...state, status: 'removed' };
    default:
      return assertNever(event);
  }
}

/** The owner's channel that still exists; anyone else's, or a removed one, is not found. */
function owned(state: NotificationChannelState, data: Owned): Existing {
  if (state.status === 'none' || state.status === 'removed' || state.ownerId !== data.ownerId) {
    throw new NotificationChannelNotFoundError(data.channelId);
  }
  return state;
}

function decide(command: NotificationChannelCommand, state: NotificationChannelState): NotificationChannelEvent[] {
  const { data } = command;
  const { channelId, at } = data;
  switch (command.type) {
    case 'AddChannel': {
      if (state.status !== 'none') throw new NotificationChannelConflictError(`channel ${channelId} already exists`);
      const { kind, address, signingSecret } = command.data;
      if (kind === 'webhook' && !signingSecret) {
        throw new InvalidNotificationSettingError(['a webhook channel needs a signing secret']);
      }
      return [
        {
          type: 'NotificationChannelAdded',
          data: { channelId, ownerId: data.ownerId, kind, address, ...(signingSecret ? { signingSecret } : {}), at },
        },
      ];
    }
    case 'SendVerificationCode': {
      const channel = owned(state, data);
      if (channel.kind !== 'email' || channel.verified) {
        throw new NotificationChannelConflictError(`channel ${channelId} needs no verification code`);
      }
      const { codeKeyId, expiresAt } = command.data;
      return [{ type: 'NotificationChannelCodeSent', data: { channelId, codeKeyId, expiresAt, at } }];
    }
    case 'VerifyChannel': {
      const channel = owned(state, data);
      if (channel.verified) throw new NotificationChannelConflictError(`channel ${channelId} is already verified`);
      const code = channel.code;
      if (
        !code ||
        code.keyId !== command.data.codeKeyId ||
        code.attempts >= MAX_CODE_ATTEMPTS ||
        at >= code.expiresAt
      ) {
        return [];
      }
      if (command.data.codeMatches) return [{ type: 'NotificationChannelVerified', data: { channelId, at } }];
      return [
        {
          type: 'NotificationChannelVerificationFailed',
          data: { channelId, codeKeyId: code.keyId, attempt: code.attempts + 1, at },
        },
      ];
    }
    case 'RotateWebhookSecret': {
      const channel = owned(state, data);
      if (channel.kind !== 'webhook' || !channel.signingSecret) {
        throw new NotificationChannelConflictError(`channel ${channelId} has no signing secret to rotate`);
      }
      return [
        {
          type: 'NotificationWebhookSecretRotated',
          data: {
            channelId,
            signingSecret: command.data.signingSecret,
            previous: channel.signingSecret,
            previousValidUntil: command.data.previousValidUntil,
            at,
          },
        },
      ];
    }
    case 'DisableChannel': {
      const channel = owned(state, data);
      if (channel.status === 'disabled') return [];
      return [
        { type: 'NotificationChannelDisabled', data: { channelId, ownerId: channel.ownerId, reason: 'owner', at } },
      ];
    }
    case 'MarkChannelBroken': {
      const channel = owned(state, data);
      // Told once: a channel already off (broken, or by its owner) is not reported again.
      if (channel.status !== 'active') return [];
      const { consecutiveFailures, lastError } = command.data;
      return [
        {
          type: 'NotificationChannelDisabled',
          data: { channelId, ownerId: channel.ownerId, reason: 'broken', consecutiveFailures, lastError, at },
        },
      ];
    }
    case 'EnableChannel': {
      const channel = owned(state, data);
      if (channel.status === 'active' || channel.status === 'unverified') return [];
      return [{ type: 'NotificationChannelEnabled', data: { channelId, at } }];
    }
    case 'RemoveChannel':
      owned(state, data);
      return [{ type: 'NotificationChannelRemoved', data: { channelId, at } }];
    default:
      return assertNever(command);
  }
}

export const notificationChannelDecider: Decider<
  NotificationChannelState,
  NotificationChannelCommand,
  NotificationChannelEvent
> = { decide, evolve, initialState };
