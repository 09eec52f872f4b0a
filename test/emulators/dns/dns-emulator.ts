import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { isIPv4, isIPv6 } from 'node:net';
import dnsPacket from 'dns-packet';

/**
 * An authoritative DNS server for made-up names, speaking DNS over UDP (RFC 1035): A and AAAA answers for the names
 * it was given, NXDOMAIN for others. The engine's resolver (OUTBOUND_DNS_SERVERS) asks it as it would ask a real
 * one, so a test can make a vendor's name resolve to an internal address, or change its answer between two lookups
 * (DNS rebinding). Answers carry a TTL of 0, as a rebinding attacker's would.
 */
export class DnsEmulator {
  private readonly records = new Map<string, string[]>();
  /** Every question asked, `name type`, in order. */
  readonly questions: string[] = [];

  private constructor(
    private readonly socket: Socket,
    /** `127.0.0.1:port`, as OUTBOUND_DNS_SERVERS takes it. */
    readonly server: string,
  ) {}

  static async start(): Promise<DnsEmulator> {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1');
    await once(socket, 'listening');
    const emulator = new DnsEmulator(socket, `127.0.0.1:${socket.address().port}`);
    socket.on('message', (message, remote) => emulator.answer(message, remote));
    return emulator;
  }

  /** `name` resolves to these addresses from now on (IPv4 and IPv6 mixed); none: NXDOMAIN. */
  set(name: string, ...addresses: string[]): void {
    this.records.set(name.toLowerCase(), addresses);
  }

  async stop(): Promise<void> {
    this.socket.close();
    await once(this.socket, 'close');
  }

  private answer(message: Buffer, remote: RemoteInfo): void {
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const [question] = query.questions ?? [];
    if (!question) return;
    this.questions.push(`${question.name} ${question.type}`);
    const addresses = this.records.get(question.name.toLowerCase());
    const wanted = question.type === 'AAAA' ? isIPv6 : question.type === 'A' ? isIPv4 : () => false;
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (addresses?.length ? 0 : NXDOMAIN),
      questions: [question],
      answers: (addresses ?? []).filter(wanted).map((data) => ({
        type: question.type as 'A' | 'AAAA',
        name: question.name,
        ttl: 0,
        data,
      })),
    });
    this.socket.send(response, remote.port, remote.address);
  }
}

/** RCODE 3, "name does not exist", in the flags' low bits. */
const NXDOMAIN = 3;
