import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request, type Dispatcher } from 'undici';
import { AddressPolicy } from './address-policy.js';
import { DestinationRefused, literalAddressOf, parseDestination } from './destination.js';
import { guardedConnector } from './guarded-connector.js';
import { isNoAddress, serversResolver, systemResolver, type HostResolver } from './host-resolver.js';

export interface OutboundHttpSettings {
  /** Plain `http://` is allowed (never in production). */
  allowPlainHttp: boolean;
  /** Networks reachable although internal (OUTBOUND_ALLOWED_CIDRS). */
  allowedCidrs?: readonly string[];
  /** DNS servers to resolve vendors' names with (OUTBOUND_DNS_SERVERS); the system's resolver otherwise. */
  dnsServers?: readonly string[];
  /** The longest opening a connection (TLS included) may take. */
  connectTimeoutMs?: number;
}

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, from connecting to the last byte read. */
  timeoutMs: number;
  /**
   * The most of the answer's body read, in bytes; a longer answer is a failure (`too_large`). 0 (the default): the
   * body is not kept, only drained up to a few KiB so the connection can be reused.
   */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Empty unless the request asked for the body (maxResponseBytes). */
  body: Buffer;
}

/** How an exchange failed, for metrics and callers that decide on it. */
export type OutboundFailureKind = 'refused' | 'timeout' | 'unreachable' | 'too_large' | 'encoded';

/**
 * An exchange that produced no usable answer, with a reason the engine wrote (never the remote's own text): what an
 * attempt's log shows.
 */
export class OutboundFailure extends Error {
  override readonly name = 'OutboundFailure';

  constructor(
    readonly kind: OutboundFailureKind,
    readonly reason: string,
    /** For `refused`: the rule the destination broke. */
    readonly rule?: string,
  ) {
    super(reason);
  }
}

/** What is drained of a body nobody reads, so a short answer leaves its connection reusable. */
const DRAIN_LIMIT_BYTES = 4_096;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * The one door for HTTP calls to URLs a vendor chose (event callbacks, the agent's tools): the destination is checked
 * when the connection is made, after DNS, and the connection goes to the address that was checked; redirects are not
 * followed; answers are asked for and read unencoded (a gzip body is never inflated), bounded in size and time.
 */
export class OutboundHttpClient {
  private readonly policy: AddressPolicy;
  private readonly resolve: HostResolver;
  private readonly agent: Agent;

  constructor(private readonly settings: OutboundHttpSettings) {
    this.policy = AddressPolicy.allowing(settings.allowedCidrs ?? []);
    this.resolve = settings.dnsServers?.length ? serversResolver(settings.dnsServers) : systemResolver;
    this.agent = new Agent({
      connect: guardedConnector(this.policy, this.resolve, settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    });
  }

  /**
   * Checks a URL a vendor registers, as a connection would: its text, then every address its host resolves to (a
   * name with one internal address among public ones is refused outright). Throws DestinationRefused with the rule,
   * or the DNS error when the name could not be looked up (retry later).
   */
  async checkDestination(raw: string): Promise<URL> {
    const url = parseDestination(raw, this.settings);
    const literal = literalAddressOf(url);
    const addresses = literal ? [literal] : await this.addressesOf(url.hostname);
    for (const address of addresses) {
      const refusal = this.policy.refusalOf(address);
      if (refusal) {
        const where = literal
          ? `${refusal.address} is ${refusal.kind}`
          : `${url.hostname} resolves to ${refusal.address}, ${refusal.kind}`;
        throw new DestinationRefused('internal_address', `must not point inside the engine's network: ${where}`);
      }
    }
    return url;
  }

  /** One exchange; throws OutboundFailure when there is no answer to act on. */
  async request(outbound: OutboundRequest): Promise<OutboundResponse> {
    let url: URL;
    try {
      url = parseDestination(outbound.url, this.settings);
    } catch (error) {
      throw failureOf(error, outbound.timeoutMs);
    }
    const signal = AbortSignal.timeout(outbound.timeoutMs);
    let answer: Dispatcher.ResponseData;
    try {
      answer = await request(url, {
        dispatcher: this.agent,
        method: outbound.method,
        headers: { ...outbound.headers, 'accept-encoding': 'identity' },
        body: outbound.body,
        signal,
        headersTimeout: outbound.timeoutMs,
        bodyTimeout: outbound.timeoutMs,
      });
    } catch (error) {
      throw failureOf(error, outbound.timeoutMs);
    }
    try {
      const body = await readBody(answer, outbound.maxResponseBytes ?? 0, signal);
      return { status: answer.statusCode, headers: answer.headers, body };
    } catch (error) {
      answer.body.destroy();
      throw failureOf(error, outbound.timeoutMs);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  private async addressesOf(hostname: string): Promise<string[]> {
    try {
      return (await this.resolve(hostname)).map(({ address }) => address);
    } catch (error) {
      if (isNoAddress(error))
        throw new DestinationRefused('unresolvable', `${hostname} does not resolve to an address`);
      throw error;
    }
  }
}

/** The body as the request asked for it: drained (not kept) or read whole up to the limit, never decoded. */
async function readBody(answer: Dispatcher.ResponseData, limit: number, signal: AbortSignal): Promise<Buffer> {
  if (limit <= 0) {
    // Past the limit undici destroys the body (and its connection) instead of reading on.
    await answer.body.dump({ limit: DRAIN_LIMIT_BYTES, signal }).catch(() => undefined);
    return Buffer.alloc(0);
  }
  const encoding = String(answer.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new OutboundFailure('encoded', `the answer was ${encoding}-encoded; only unencoded answers are read`);
  }
  const declared = Number(answer.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of answer.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): OutboundFailure {
  return new OutboundFailure('too_large', `the answer was larger than ${limit} bytes`);
}

/** Network error codes, and the words an attempt's log says for them. */
const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host does not resolve',
  EAI_AGAIN: 'the host could not be looked up',
  ETIMEOUT: 'the host could not be looked up',
  ESERVFAIL: 'the host could not be looked up',
  EPIPE: 'the connection closed',
  UND_ERR_SOCKET: 'the connection closed',
  UND_ERR_CLOSED: 'the connection closed',
};

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Any error of an exchange as an OutboundFailure with the engine's own words. */
function failureOf(error: unknown, timeoutMs: number): OutboundFailure {
  if (error instanceof OutboundFailure) return error;
  const refused = findRefusal(error);
  if (refused) return new OutboundFailure('refused', `refused: ${refused.message}`, refused.rule);
  const { name, code } = (error ?? {}) as { name?: string; code?: string };
  const causeCode = ((error as { cause?: { code?: string } })?.cause ?? {}).code;
  const known = code ?? causeCode;
  if (name === 'TimeoutError' || name === 'AbortError' || (known && TIMEOUT_CODES.has(known)))
    return new OutboundFailure('timeout', `no answer within ${timeoutMs} ms`);
  if (known && (known.startsWith('ERR_TLS') || /CERT|SSL|TLS/.test(known)))
    return new OutboundFailure('unreachable', `the TLS handshake failed (${known})`);
  if (known && UNREACHABLE[known]) return new OutboundFailure('unreachable', `${UNREACHABLE[known]} (${known})`);
  return new OutboundFailure('unreachable', `could not reach the endpoint (${known ?? name ?? 'unknown error'})`);
}

/** The DestinationRefused an error carries, however deep undici or net wrapped it. */
function findRefusal(error: unknown, depth = 0): DestinationRefused | undefined {
  if (error instanceof DestinationRefused) return error;
  if (depth > 3 || typeof error !== 'object' || error === null) return undefined;
  return findRefusal((error as { cause?: unknown }).cause, depth + 1);
}
