import { BlockList, isIP, isIPv4 } from 'node:net';
import { ConfigError } from '../config/app-config.js';

export type BlockedCategory =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'cgnat'
  | 'multicast'
  | 'metadata'
  | 'reserved'
  | 'documentation';

export interface BlockedAddress {
  readonly address: string;
  readonly category: BlockedCategory;
  /** The range it fell in, e.g. `10.0.0.0/8`. */
  readonly range: string;
}

type Family = 'ipv4' | 'ipv6';

/**
 * Addresses a webhook may never reach (IANA special-purpose registries, RFC 6890 and successors), most specific
 * first so a cloud metadata address is named as such rather than as link-local. Checked on the address the socket
 * will connect to, after DNS.
 */
const RANGES: readonly (readonly [category: BlockedCategory, cidr: string])[] = [
  ['metadata', '169.254.169.254/32'], // AWS, GCP, Azure, OpenStack, DigitalOcean
  ['metadata', '169.254.170.2/32'], // AWS ECS task metadata
  ['metadata', '100.100.100.200/32'], // Alibaba Cloud
  ['metadata', '192.0.0.192/32'], // Oracle Cloud
  ['metadata', 'fd00:ec2::254/128'], // AWS over IPv6
  ['unspecified', '0.0.0.0/8'],
  ['private', '10.0.0.0/8'],
  ['cgnat', '100.64.0.0/10'],
  ['loopback', '127.0.0.0/8'],
  ['link_local', '169.254.0.0/16'],
  ['private', '172.16.0.0/12'],
  ['reserved', '192.0.0.0/24'],
  ['documentation', '192.0.2.0/24'],
  ['reserved', '192.88.99.0/24'],
  ['private', '192.168.0.0/16'],
  ['reserved', '198.18.0.0/15'],
  ['documentation', '198.51.100.0/24'],
  ['documentation', '203.0.113.0/24'],
  ['multicast', '224.0.0.0/4'],
  ['reserved', '240.0.0.0/4'], // includes 255.255.255.255
  ['unspecified', '::/128'],
  ['loopback', '::1/128'],
  ['private', '64:ff9b:1::/48'],
  ['reserved', '100::/64'],
  ['reserved', '2001::/23'], // IETF protocol assignments, Teredo
  ['documentation', '2001:db8::/32'],
  ['private', 'fc00::/7'],
  ['link_local', 'fe80::/10'],
  ['reserved', 'fec0::/10'],
  ['multicast', 'ff00::/8'],
];

const LISTS = RANGES.map(([category, cidr]) => {
  const [network, prefix] = cidr.split('/') as [string, string];
  const family: Family = isIPv4(network) ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), family);
  return { category, cidr, family, list };
});

/**
 * IPv6 forms that carry an IPv4 address the packet ends up at: IPv4-mapped `::ffff:a.b.c.d`, the deprecated
 * IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::`. Each is judged by its IPv4.
 */
function embeddedIpv4(address: string): string | null {
  const words = expandIpv6(address);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (zeros(0, 6) && (words[6] !== 0 || words[7]! > 1)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const octets = dotted[1]!.split('.').map(Number);
    const hex = `${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
    text = text.slice(0, dotted.index) + hex;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':').map((w) => parseInt(w, 16)));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const words = [...head, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
  return words.length === 8 && words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffff) ? words : null;
}

/** Why a webhook may not connect to `address` (an IP literal), or null when it is a public unicast address. */
export function blockedAddress(address: string): BlockedAddress | null {
  const family = isIP(address);
  if (family === 0) return { address, category: 'reserved', range: 'not an IP address' };
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4 !== null) {
      const inner = blockedAddress(v4);
      if (inner) return { ...inner, address };
    }
  }
  const kind: Family = family === 4 ? 'ipv4' : 'ipv6';
  for (const { category, cidr, family: rangeFamily, list } of LISTS) {
    if (rangeFamily === kind && list.check(address, kind)) return { address, category, range: cidr };
  }
  return null;
}

/**
 * `WATTLOG_WEBHOOK_ALLOW_HOSTS`: comma-separated host names or IP literals (IPv6 with or without brackets) that
 * webhooks may reach although they are private, and over plain HTTP. Meant for tests and for receivers on a private
 * network the operator trusts. Anything else in an entry (a scheme, a port, a path) is refused.
 */
export function parseAllowHosts(value: string | undefined): ReadonlySet<string> {
  const hosts = new Set<string>();
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const host = entry.startsWith('[') && entry.endsWith(']') ? entry.slice(1, -1) : entry;
    if (isIP(host) === 0 && !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(host)) {
      throw new ConfigError(
        `WATTLOG_WEBHOOK_ALLOW_HOSTS entry ${JSON.stringify(raw.trim())} is not a host name or IP address (no scheme, port or path)`,
      );
    }
    hosts.add(host.replace(/\.$/, ''));
  }
  return hosts;
}
