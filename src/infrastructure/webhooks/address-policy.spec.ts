import { ConfigError } from '../config/app-config.js';
import { blockedAddress, parseAllowHosts } from './address-policy.js';

describe('blockedAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.10.1', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['255.255.255.255', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['192.0.2.7', 'documentation'],
  ])('refuses %s (%s)', (address, category) => {
    expect(blockedAddress(address)).toMatchObject({ address, category });
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::192.168.0.1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
  ])('refuses %s, an IPv4 %s address inside IPv6', (address, category) => {
    expect(blockedAddress(address)).toMatchObject({ address, category });
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:93.184.216.34'])(
    'lets the public address %s through',
    (address) => {
      expect(blockedAddress(address)).toBeNull();
    },
  );

  it('refuses what is not an IP address at all', () => {
    expect(blockedAddress('example.com')).toMatchObject({ category: 'reserved' });
  });
});

describe('parseAllowHosts', () => {
  it('reads a comma-separated list of host names and IP literals', () => {
    expect([...parseAllowHosts(' 127.0.0.1, Receiver.Test. ,[::1],,')]).toEqual(['127.0.0.1', 'receiver.test', '::1']);
    expect(parseAllowHosts(undefined).size).toBe(0);
  });

  it.each(['https://example.com', 'example.com:8443', 'example.com/path', 'exa mple'])('refuses %s', (entry) => {
    expect(() => parseAllowHosts(entry)).toThrow(ConfigError);
  });
});
