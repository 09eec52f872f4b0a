import { promises as dns } from 'node:dns';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to; throws a DNS error (`code` ENOTFOUND, EAI_AGAIN...) when it cannot tell. */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** Codes that mean the name has no address: asking again will not change that. */
const NO_ADDRESS_CODES = new Set(['ENOTFOUND', 'ENODATA', 'ENONAME', 'EAI_NONAME', 'EAI_NODATA']);

/** Whether a DNS error says the name has no address (rather than that DNS could not be asked). */
export function isNoAddress(error: unknown): boolean {
  return NO_ADDRESS_CODES.has((error as { code?: string }).code ?? '');
}

/** The system's resolver (getaddrinfo: /etc/hosts, then DNS), as every other connection of the process uses it. */
export const systemResolver: HostResolver = async (hostname) =>
  (await dns.lookup(hostname, { all: true, order: 'verbatim' })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/**
 * A resolver that asks the given DNS servers (`ip` or `ip:port`, OUTBOUND_DNS_SERVERS) for A and AAAA records, with
 * no hosts file: for operators who resolve vendors' names apart from the engine's own, and for tests.
 */
export function serversResolver(servers: readonly string[], timeoutMs = 2_000): HostResolver {
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 2 });
  resolver.setServers([...servers]);
  return async (hostname) => {
    const [v4, v6] = await Promise.allSettled([resolver.resolve4(hostname), resolver.resolve6(hostname)]);
    const addresses: ResolvedAddress[] = [
      ...(v4.status === 'fulfilled' ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
      ...(v6.status === 'fulfilled' ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
    ];
    if (addresses.length) return addresses;
    // No address at all: a lookup failure unless both answers said the name has none.
    const failures = [v4, v6].flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
    throw failures.find((error) => !isNoAddress(error)) ?? failures[0] ?? noAddress(hostname);
  };
}

function noAddress(hostname: string): Error {
  return Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
}
