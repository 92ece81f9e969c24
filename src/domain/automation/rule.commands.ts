import type { RuleSpec } from './rule-spec.js';

/** Who acts on a rule: its owner, or the provider (utility) that proposed it. `actorId` goes into the event. */
export type RuleActor =
  | { readonly kind: 'owner'; readonly ownerId: string; readonly actorId: string }
  | { readonly kind: 'provider'; readonly providerId: string; readonly actorId: string };

interface OnRule {
  readonly ruleId: string;
  readonly by: RuleActor;
  readonly at: string;
}

export type RuleCommand =
  | {
      readonly type: 'DefineRule';
      readonly data: {
        readonly ruleId: string;
        readonly ownerId: string;
        readonly spec: RuleSpec;
        readonly specHash: string;
        readonly enabled: boolean;
        readonly definedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ProposeRule';
      readonly data: {
        readonly ruleId: string;
        readonly ownerId: string;
        readonly providerId: string;
        readonly programId: string;
        readonly spec: RuleSpec;
        readonly specHash: string;
        readonly proposedBy: string;
        readonly at: string;
      };
    }
  | {
      readonly type: 'ReviseRule';
      /** `expectedVersion`: the stream revision the caller read; another one is a conflict. */
      readonly data: OnRule & { readonly spec: RuleSpec; readonly specHash: string; readonly expectedVersion?: number };
    }
  | { readonly type: 'AcceptRule'; readonly data: OnRule & { readonly specHash: string } }
  | { readonly type: 'DeclineRule'; readonly data: OnRule & { readonly specHash: string; readonly reason?: string } }
  | { readonly type: 'EnableRule'; readonly data: OnRule }
  | { readonly type: 'DisableRule'; readonly data: OnRule & { readonly reason?: string } }
  | { readonly type: 'DeleteRule'; readonly data: OnRule };
