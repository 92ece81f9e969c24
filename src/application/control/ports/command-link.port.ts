/** What came of sending one command down a gateway's session. */
export type LinkDelivery =
  | { readonly kind: 'answered'; readonly ok: boolean; readonly detail: string }
  | { readonly kind: 'offline' }
  | { readonly kind: 'no_answer'; readonly detail: string };

/** The gateway link as the control context needs it. */
export interface CommandLink {
  isConnected(gatewayId: string): boolean;
  deliver(
    gatewayId: string,
    action: string,
    target: string,
    params: Readonly<Record<string, unknown>>,
  ): Promise<LinkDelivery>;
  /**
   * A node configuration change (`config` message); answered like a command, within `answerTimeoutMs` when given
   * (a firmware update takes minutes), else the link's usual time.
   */
  deliverConfig(
    gatewayId: string,
    target: string,
    settings: Readonly<Record<string, unknown>>,
    answerTimeoutMs?: number,
  ): Promise<LinkDelivery>;
}

export const COMMAND_LINK = Symbol('CommandLink');
