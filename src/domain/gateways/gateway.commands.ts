import type { GatewayLocation, RefusalReason } from './gateway.events.js';

// Commands carry the time and the generated key fingerprint: the decider has no clock and no randomness.
export type GatewayCommand =
  | {
      readonly type: 'RegisterGateway';
      readonly data: {
        readonly gatewayId: string;
        readonly name: string;
        readonly networkType: string;
        readonly address: string;
        readonly description: string;
        readonly location: GatewayLocation;
        readonly ownerId: string;
        readonly keyFingerprint: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ChangeGatewayDetails';
      readonly data: {
        readonly gatewayId: string;
        readonly name?: string;
        readonly description?: string;
        readonly location?: GatewayLocation;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RotateNetworkKey';
      readonly data: { readonly gatewayId: string; readonly keyFingerprint: string; readonly at: string };
    }
  | {
      readonly type: 'DecommissionGateway';
      readonly data: { readonly gatewayId: string; readonly reason: string; readonly at: string };
    }
  | {
      readonly type: 'ChangeGatewayOwner';
      readonly data: { readonly gatewayId: string; readonly ownerId: string; readonly at: string };
    }
  | {
      readonly type: 'EraseOwnershipPeriods';
      readonly data: {
        readonly gatewayId: string;
        readonly ownerId: string;
        readonly reason: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RecordLinkSessionOpened';
      readonly data: {
        readonly gatewayId: string;
        readonly sessionId: string;
        readonly remoteAddress: string;
        readonly protocolVersion: number;
        readonly at: string;
      };
    }
  | {
      readonly type: 'RecordLinkSessionClosed';
      readonly data: {
        readonly gatewayId: string;
        readonly sessionId: string;
        readonly reason: string;
        readonly at: string;
        readonly framesReceived: number;
        readonly readingsReceived: number;
      };
    }
  | {
      readonly type: 'RecordLinkRefusal';
      readonly data: {
        readonly gatewayId: string;
        readonly reason: RefusalReason;
        readonly detail: string;
        readonly at: string;
      };
    };
