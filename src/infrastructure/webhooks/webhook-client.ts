import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { blockedAddress, parseAllowHosts, type BlockedAddress } from './address-policy.js';

export interface WebhookRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  /** Extra headers, e.g. `authorization: Bearer …` from the subscription. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as `application/json` unless the headers say otherwise. */
  readonly body?: string;
}

export interface WebhookResponse {
  readonly status: number;
  readonly body: string;
  /** The IP address the request went to. */
  readonly address: string;
}

export type WebhookFailureReason =
  | 'invalid_url'
  | 'https_required'
  | 'blocked_address'
  | 'dns'
  | 'connection'
  | 'timeout'
  | 'redirect'
  | 'body_too_large'
  | 'http_status';

const PERMANENT: ReadonlySet<WebhookFailureReason> = new Set([
  'invalid_url',
  'https_required',
  'blocked_address',
  'redirect',
  'body_too_large',
]);

/** A callback that did not answer 2xx. `retryable` says whether trying again later may help. */
export class WebhookDeliveryError extends Error {
  override readonly name = 'WebhookDeliveryError';
  readonly retryable: boolean;
  constructor(
    readonly reason: WebhookFailureReason,
    message: string,
    readonly status?: number,
    readonly blocked?: BlockedAddress,
  ) {
    super(message);
    this.retryable =
      reason === 'http_status'
        ? status === undefined || status >= 500 || status === 408 || status === 429
        : !PERMANENT.has(reason);
  }
}

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface WebhookClientOptions {
  /** Hosts that may be private and plain HTTP (`WATTLOG_WEBHOOK_ALLOW_HOSTS`, see parseAllowHosts). */
  readonly allowHosts?: ReadonlySet<string>;
  /** Whole request: DNS, connect, TLS, response and body. Default 10 s (Def-3.1.0 "Webhooks": 10–30 s). */
  readonly timeoutMs?: number;
  /** Largest response body read; a longer one fails the request. Default 64 KiB. */
  readonly maxResponseBytes?: number;
  /** Name resolution; default `dns.lookup` with every address. Specs inject one to name hosts that do not exist. */
  readonly resolve?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  /** Extra trusted CA certificates for HTTPS receivers (specs, private PKI). */
  readonly ca?: string | Buffer;
  readonly userAgent?: string;
}

/** The client options the environment gives: `WATTLOG_WEBHOOK_ALLOW_HOSTS` (see parseAllowHosts). */
export function webhookClientOptionsFromEnv(env: NodeJS.ProcessEnv): WebhookClientOptions {
  return { allowHosts: parseAllowHosts(env.WATTLOG_WEBHOOK_ALLOW_HOSTS) };
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

const defaultResolve = async (hostname: string): Promise<readonly ResolvedAddress[]> =>
  (await dnsLookup(hostname, { all: true, order: 'verbatim' })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * Outbound HTTP for callbacks (OpenADR subscription notifications, owners' webhooks), built for Def-3.1.0
 * "Webhooks": HTTPS only, no private, loopback, link-local, CGNAT, multicast, unspecified or cloud-metadata address
 * (IPv4, IPv6, and IPv4 inside IPv6), unless the host is allow-listed; redirects are failures, never followed; one
 * deadline for the whole request; the response body is read up to a bound.
 *
 * The name is resolved once, every address it gave is checked, and the socket connects to the checked address through
 * the request's `lookup` hook, so there is no second resolution an attacker's DNS could answer differently (DNS
 * rebinding). TLS still verifies the certificate against the host name (SNI and checkServerIdentity use `host`).
 *
 * node:http(s) rather than fetch: Node's bundled undici is not importable without adding the `undici` package, and
 * fetch gives no hook to pin the connection to the address that was checked. A fresh connection per request (no
 * agent) keeps a pooled socket from outliving the check.
 */
export class WebhookClient {
  private readonly allowHosts: ReadonlySet<string>;
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;
  private readonly resolve: (hostname: string) => Promise<readonly ResolvedAddress[]>;

  constructor(private readonly options: WebhookClientOptions = {}) {
    this.allowHosts = options.allowHosts ?? new Set();
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES;
    this.resolve = options.resolve ?? defaultResolve;
  }

  /** Resolves with a 2xx response; rejects with a WebhookDeliveryError for anything else. */
  async send(request: WebhookRequest): Promise<WebhookResponse> {
    const url = parseCallbackUrl(request.url);
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    const allowed = this.allowHosts.has(host.toLowerCase().replace(/\.$/, ''));
    if (!allowed && url.protocol !== 'https:') {
      throw new WebhookDeliveryError('https_required', `callbacks must use HTTPS: ${url.origin}`);
    }
    const deadline = new Deadline(this.timeoutMs);
    try {
      const target = await deadline.race(this.pick(host, allowed));
      return await this.exchange(url, host, target, request, deadline);
    } finally {
      deadline.clear();
    }
  }

  private async pick(host: string, allowed: boolean): Promise<ResolvedAddress> {
    const literal = isIP(host);
    let addresses: readonly ResolvedAddress[];
    if (literal !== 0) addresses = [{ address: host, family: literal === 6 ? 6 : 4 }];
    else {
      try {
        addresses = await this.resolve(host);
      } catch (error) {
        throw new WebhookDeliveryError('dns', `cannot resolve ${host}: ${(error as Error).message}`);
      }
      if (addresses.length === 0) throw new WebhookDeliveryError('dns', `${host} has no address`);
    }
    if (!allowed) {
      for (const { address } of addresses) {
        const blocked = blockedAddress(address);
        if (blocked) {
          throw new WebhookDeliveryError(
            'blocked_address',
            `${host} resolves to ${address} (${blocked.category}, ${blocked.range}); not allowed for callbacks`,
            undefined,
            blocked,
          );
        }
      }
    }
    return addresses[0]!;
  }

  private exchange(
    url: URL,
    host: string,
    target: ResolvedAddress,
    request: WebhookRequest,
    deadline: Deadline,
  ): Promise<WebhookResponse> {
    const pinned: LookupFunction = (_hostname, options, callback) => {
      const all = (options as { all?: boolean }).all === true;
      if (all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [target]);
      else callback(null, target.address, target.family);
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = {
      'user-agent': this.options.userAgent ?? 'wattlog-webhooks',
      accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
      ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
      ...request.headers,
    };
    const options: RequestOptions & { servername?: string; ca?: string | Buffer } = {
      host,
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers,
      agent: false,
      lookup: pinned,
      ...(url.protocol === 'https:' && isIP(host) === 0 ? { servername: host } : {}),
      ...(this.options.ca ? { ca: this.options.ca } : {}),
    };
    return new Promise<WebhookResponse>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options);
      const fail = (error: WebhookDeliveryError) => {
        req.destroy();
        reject(error);
      };
      deadline.onExpiry(() =>
        fail(new WebhookDeliveryError('timeout', `no complete answer within ${this.timeoutMs} ms`)),
      );
      req.on('error', (error) => {
        reject(new WebhookDeliveryError('connection', `${url.origin}: ${error.message}`));
      });
      req.on('response', (response) => this.read(response, target, fail, resolve));
      req.end(body);
    });
  }

  private read(
    response: IncomingMessage,
    target: ResolvedAddress,
    fail: (error: WebhookDeliveryError) => void,
    resolve: (response: WebhookResponse) => void,
  ): void {
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400) {
      const location = response.headers.location ?? '(no location)';
      fail(
        new WebhookDeliveryError('redirect', `answered ${status} to ${location}; redirects are not followed`, status),
      );
      return;
    }
    const declared = Number(response.headers['content-length']);
    const tooLarge = () =>
      new WebhookDeliveryError('body_too_large', `response body over ${this.maxResponseBytes} bytes`, status);
    if (Number.isFinite(declared) && declared > this.maxResponseBytes) {
      fail(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.maxResponseBytes) fail(tooLarge());
      else chunks.push(chunk);
    });
    response.on('error', () => undefined);
    response.on('close', () => {
      if (!response.complete && size <= this.maxResponseBytes) {
        fail(new WebhookDeliveryError('connection', `the connection closed before the answer was complete`, status));
      }
    });
    response.on('end', () => {
      if (size > this.maxResponseBytes) return;
      const body = Buffer.concat(chunks).toString('utf8');
      if (status >= 200 && status < 300) resolve({ status, body, address: target.address });
      else fail(new WebhookDeliveryError('http_status', `answered ${status}`, status));
    });
  }
}

function parseCallbackUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookDeliveryError('invalid_url', `not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new WebhookDeliveryError('invalid_url', `callbacks use http(s), not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebhookDeliveryError('invalid_url', 'callback URLs may not carry credentials');
  }
  return url;
}

/** One timer for the whole request; whoever is waiting when it fires is told. */
class Deadline {
  private readonly timer: NodeJS.Timeout;
  private expired = false;
  private listeners: (() => void)[] = [];

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      for (const listener of this.listeners) listener();
    }, ms);
  }

  onExpiry(listener: () => void): void {
    if (this.expired) listener();
    else this.listeners.push(listener);
  }

  race<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.onExpiry(() => reject(new WebhookDeliveryError('timeout', `no address within ${this.ms} ms`)));
      work.then(resolve, reject);
    });
  }

  clear(): void {
    clearTimeout(this.timer);
    this.listeners = [];
  }
}
