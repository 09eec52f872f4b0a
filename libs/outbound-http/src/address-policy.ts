import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** An address the engine will not connect to, as it was read, and what kind of address it is. */
export interface Refusal {
  address: string;
  kind: string;
}

/** How a refused range is named in an answer or an attempt's error (ipaddr.js's range names). */
const RANGE_WORDS: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a carrier-grade NAT (100.64.0.0/10) address',
  private: 'a private (RFC 1918) address',
  uniqueLocal: 'a unique-local (fc00::/7) address',
  ipv4Mapped: 'an IPv4-mapped address',
  reserved: 'a reserved address',
};

/** An IPv6 host as URLs write it (`[::1]`) or as it is (`::1`). */
export function bareHost(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * Which addresses the engine connects to on a vendor's behalf: public unicast ones only, unless an operator allowed
 * a network explicitly (OUTBOUND_ALLOWED_CIDRS). Everything else (loopback, RFC 1918, link-local and the cloud
 * metadata address, CGNAT, unique-local, unspecified, multicast, and the IPv4-mapped, NAT64, 6to4 and Teredo forms
 * that can carry them) is refused, as ipaddr.js classifies it.
 */
export class AddressPolicy {
  private constructor(private readonly allowed: readonly [Address, number][]) {}

  /** Throws on a malformed CIDR; the configuration validates them first. */
  static allowing(cidrs: readonly string[] = []): AddressPolicy {
    return new AddressPolicy(cidrs.map((cidr) => ipaddr.parseCIDR(cidr)));
  }

  /**
   * Why the engine will not connect to `address`: the address as it is read and the kind of address it is (`127.0.0.1`,
   * `a loopback address`); undefined when it may.
   */
  refusalOf(address: string): Refusal | undefined {
    let parsed: Address;
    try {
      // process() unwraps an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 address it stands for.
      parsed = ipaddr.process(bareHost(address));
    } catch {
      return { address, kind: 'not an IP address' };
    }
    if (this.allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits)))
      return undefined;
    const range = parsed.range();
    if (range === 'unicast') return undefined;
    return { address: parsed.toString(), kind: RANGE_WORDS[range] ?? `a special-purpose address (${range})` };
  }
}

/** Whether `value` is a CIDR ipaddr.js reads (`10.0.0.0/8`, `fd00::/8`, `127.0.0.2/32`). */
export function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}
