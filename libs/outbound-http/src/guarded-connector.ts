import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { bareHost, type AddressPolicy } from './address-policy.js';
import { DestinationRefused } from './destination.js';
import type { HostResolver } from './host-resolver.js';

/**
 * A `lookup` for net/tls connections that resolves the name once and hands the socket only the addresses the policy
 * allows: the connection goes to an address that was checked, with no second lookup a DNS answer could change in
 * between (no rebinding). A name with no allowed address fails the connection with the reason.
 */
export function guardedLookup(policy: AddressPolicy, resolve: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const candidates = resolved.filter((entry) => family === undefined || entry.family === family);
        const allowed = candidates.filter((entry) => !policy.refusalOf(entry.address));
        if (!allowed.length) {
          const refusal = candidates.map((entry) => policy.refusalOf(entry.address)).find(Boolean);
          const error = refusal
            ? new DestinationRefused('internal_address', `${hostname} resolves to ${refusal.address}, ${refusal.kind}`)
            : Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
          callback(error, '', 0);
          return;
        }
        if (options.all) callback(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * undici's own connector with the guarded lookup, in front of which a URL naming an IP address is checked too
 * (net.connect does not look literal addresses up, so the lookup alone would let `http://169.254.169.254/` through).
 */
export function guardedConnector(
  policy: AddressPolicy,
  resolve: HostResolver,
  connectTimeoutMs: number,
): buildConnector.connector {
  const connect = buildConnector({ timeout: connectTimeoutMs, lookup: guardedLookup(policy, resolve) });
  return (options, callback) => {
    const host = bareHost(options.hostname);
    const refusal = isIP(host) ? policy.refusalOf(host) : undefined;
    if (refusal) {
      callback(new DestinationRefused('internal_address', `${refusal.address} is ${refusal.kind}`), null);
      return;
    }
    connect(options, callback);
  };
}
