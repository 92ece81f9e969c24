import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ServerEndpoint {
  readonly host: string;
  readonly port: number;
}

/** One address to dial: an endpoint's host resolved to one of its addresses. */
export interface DialTarget {
  readonly address: string;
  readonly port: number;
  /** The configured endpoint, for logs. */
  readonly endpoint: string;
}

/** Every address a host name resolves to (IPv4 and IPv6); an IP literal is its own. */
export type ResolveHost = (host: string) => Promise<string[]>;

export const resolveWithDns: ResolveHost = async (host) =>
  isIP(host) !== 0 ? [host] : (await lookup(host, { all: true })).map((a) => a.address);

/**
 * The server endpoints a gateway may use, in configured order, each host expanded to every address it resolves to
 * (a DNS name in front of several nodes). The agent dials one target after the other: a node that dies or refuses
 * sends it to the next. A round is the whole list once; names are resolved again at the start of each round, so a
 * node added to or removed from the DNS name is seen without a restart.
 */
export class ServerEndpoints {
  private round: DialTarget[] = [];
  private index = 0;

  constructor(
    private readonly endpoints: readonly ServerEndpoint[],
    private readonly resolve: ResolveHost = resolveWithDns,
    private readonly onResolveError?: (endpoint: string, error: unknown) => void,
  ) {
    if (endpoints.length === 0) throw new Error('at least one server endpoint is needed');
  }

  /** The next target, or null when the round just ended (the caller backs off before the next round). */
  async next(): Promise<DialTarget | null> {
    if (this.index < this.round.length) return this.round[this.index++]!;
    if (this.round.length > 0) {
      this.round = [];
      return null;
    }
    this.round = await this.resolveRound();
    this.index = 0;
    if (this.round.length === 0) return null;
    return this.round[this.index++]!;
  }

  private async resolveRound(): Promise<DialTarget[]> {
    const targets: DialTarget[] = [];
    for (const { host, port } of this.endpoints) {
      const endpoint = `${host}:${port}`;
      try {
        const addresses = [...new Set(await this.resolve(host))];
        for (const address of addresses) targets.push({ address, port, endpoint });
      } catch (error) {
        // An endpoint that does not resolve is one that refuses: the others are still worth trying.
        this.onResolveError?.(endpoint, error);
      }
    }
    return targets;
  }
}
