import { isIP } from 'node:net';
import type { WebhookUrlPolicy } from '../../application/notifications/ports/webhook-url-policy.port.js';
import { blockedAddress } from '../webhooks/address-policy.js';

/**
 * The rules of the webhook transport (ADR 0022) applied when a webhook is added: an http(s) URL without credentials,
 * HTTPS unless the host is allow-listed (`WATTLOG_WEBHOOK_ALLOW_HOSTS`), and no address literal a webhook may never
 * reach. A name is not resolved here: the transport resolves and checks it at every delivery, which is where DNS
 * could change its answer.
 */
export class TransportWebhookUrlPolicy implements WebhookUrlPolicy {
  constructor(private readonly allowHosts: ReadonlySet<string>) {}

  problems(text: string): string[] {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return ['address must be an absolute https URL'];
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return ['address must be an https URL'];
    if (url.username !== '' || url.password !== '') return ['address may not carry credentials'];
    const host = (url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname).toLowerCase();
    if (this.allowHosts.has(host.replace(/\.$/, ''))) return [];
    if (url.protocol !== 'https:') return ['address must use https'];
    const blocked = isIP(host) !== 0 ? blockedAddress(host) : null;
    return blocked
      ? [`address ${host} is ${blocked.category.replace('_', '-')} (${blocked.range}); webhooks may not reach it`]
      : [];
  }
}
