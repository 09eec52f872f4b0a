import { isIP } from 'node:net';
import { bareHost } from './address-policy.js';

/** The rule a destination broke, named in the 400 a registration gets and in an attempt's error. */
export type DestinationRule = 'url' | 'scheme' | 'https' | 'credentials' | 'internal_address' | 'unresolvable';

/** A destination the engine will not send to: the rule it breaks and why, in words for the vendor. */
export class DestinationRefused extends Error {
  override readonly name = 'DestinationRefused';

  constructor(
    readonly rule: DestinationRule,
    message: string,
  ) {
    super(message);
  }
}

export interface DestinationRules {
  /** Plain `http://` is accepted (development and tests); otherwise HTTPS only. */
  allowPlainHttp: boolean;
}

/**
 * A vendor-chosen URL checked for what its text alone shows: an absolute http(s) URL (https only unless plain HTTP
 * is allowed), no credentials in it, and not a name that always means this machine (`localhost`, RFC 6761). WHATWG
 * URL parsing already reads the odd IPv4 spellings (`2130706433`, `0x7f.1`, `127.1`) as the address they mean.
 */
export function parseDestination(raw: string, rules: DestinationRules): URL {
  if (!URL.canParse(raw)) throw new DestinationRefused('url', 'must be an absolute http(s) URL');
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DestinationRefused('scheme', 'must be an http(s) URL');
  if (url.protocol === 'http:' && !rules.allowPlainHttp) throw new DestinationRefused('https', 'must be https');
  if (url.username || url.password)
    throw new DestinationRefused('credentials', 'must not carry credentials; the signature authenticates the engine');
  const host = bareHost(url.hostname).toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost'))
    throw new DestinationRefused(
      'internal_address',
      `must not point inside the engine's network: ${host} is this machine`,
    );
  return url;
}

/** The URL's host as an IP address when it is one (brackets of IPv6 removed), else undefined. */
export function literalAddressOf(url: URL): string | undefined {
  const host = bareHost(url.hostname);
  return isIP(host) ? host : undefined;
}
