import { describe, expect, it } from 'vitest';
import { AddressPolicy, isCidr } from './address-policy.js';

describe('AddressPolicy', () => {
  const policy = AddressPolicy.allowing();

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.9.9.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.16.5.4', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['100.64.1.1', 'carrier-grade NAT'],
    ['fd00:ec2::254', 'unique-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
  ])('refuses %s (%s)', (address, words) => {
    expect(policy.refusalOf(address)?.kind).toContain(words);
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    const loopback = { address: '127.0.0.1', kind: 'a loopback address' };
    expect(policy.refusalOf('::ffff:127.0.0.1')).toEqual(loopback);
    expect(policy.refusalOf('::ffff:7f00:1')).toEqual(loopback);
    expect(policy.refusalOf('::ffff:a9fe:a9fe')).toEqual({ address: '169.254.169.254', kind: 'a link-local address' });
    expect(policy.refusalOf('::ffff:8.8.8.8')).toBeUndefined();
  });

  it('refuses the IPv6 forms that tunnel or translate to IPv4 (NAT64, 6to4, Teredo)', () => {
    expect(policy.refusalOf('64:ff9b::a00:1')?.kind).toContain('special-purpose');
    expect(policy.refusalOf('2002:7f00:1::')?.kind).toContain('special-purpose');
    expect(policy.refusalOf('2001:0::1')?.kind).toContain('special-purpose');
  });

  it('lets public unicast addresses through', () => {
    for (const address of ['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111', '[2a00:1450:4001:80b::200e]'])
      expect(policy.refusalOf(address)).toBeUndefined();
  });

  it('lets through exactly the networks an operator allowed, and nothing next to them', () => {
    const allowing = AddressPolicy.allowing(['127.0.0.2/32', '10.20.0.0/16', 'fd12::/16']);
    expect(allowing.refusalOf('127.0.0.2')).toBeUndefined();
    expect(allowing.refusalOf('::ffff:127.0.0.2')).toBeUndefined();
    expect(allowing.refusalOf('10.20.255.1')).toBeUndefined();
    expect(allowing.refusalOf('fd12::9')).toBeUndefined();
    expect(allowing.refusalOf('127.0.0.1')?.kind).toContain('loopback');
    expect(allowing.refusalOf('10.21.0.1')?.kind).toContain('private');
    expect(allowing.refusalOf('fd13::9')?.kind).toContain('unique-local');
  });

  it('refuses what is not an address', () => {
    expect(policy.refusalOf('example.com')).toEqual({ address: 'example.com', kind: 'not an IP address' });
  });

  it('tells a CIDR from anything else', () => {
    expect(isCidr('10.0.0.0/8')).toBe(true);
    expect(isCidr('fd00::/8')).toBe(true);
    expect(isCidr('10.0.0.0')).toBe(false);
    expect(isCidr('10.0.0.0/33')).toBe(false);
    expect(isCidr('localhost/8')).toBe(false);
  });
});
