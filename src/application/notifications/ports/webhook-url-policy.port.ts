/**
 * What is wrong with a webhook URL before it is stored (not a URL, not HTTPS, an address literal no webhook may
 * reach); empty when it may be stored. Names are judged again at every delivery, after DNS, by the transport.
 */
export interface WebhookUrlPolicy {
  problems(url: string): string[];
}

export const WEBHOOK_URL_POLICY = Symbol('WebhookUrlPolicy');

/** Wakes the delivery worker after a change that may make a delivery due. */
export interface DeliveryWake {
  poke(): void;
}

export const DELIVERY_WAKE = Symbol('DeliveryWake');
