import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { TEST_PUBLIC_ADDRESS } from './test-env.js';

export interface ReceivedEvent {
  id: string;
  type: string;
  created_at: string;
  vendor_id: string;
  agent_id: string;
  data: Record<string, any>;
}

export interface Arrival {
  event: ReceivedEvent;
  headers: Record<string, string | string[] | undefined>;
  /** What this receiver answered: 200 when accepted. */
  answered: number;
  signatureValid: boolean;
}

/**
 * The backend's end of event callbacks: a real HTTP server that checks each delivery's signature the way the README
 * tells backends to (HMAC-SHA256 over `<t>.<raw body>` with the endpoint's secret), keeps every arrival, and can be
 * told to fail the next deliveries.
 */
export class EventReceiver {
  readonly arrivals: Arrival[] = [];
  secret = '';
  private failures = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<EventReceiver> {
    // eslint-disable-next-line prefer-const -- assigned once the server listens, read by its handler
    let receiver: EventReceiver | undefined;
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => receiver!.receive(Buffer.concat(chunks).toString('utf8'), request.headers, response));
    });
    server.listen(0, TEST_PUBLIC_ADDRESS);
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    receiver = new EventReceiver(server, `http://${TEST_PUBLIC_ADDRESS}:${port}/voca/events`);
    return receiver;
  }

  /** The next `count` deliveries are answered 503, as a backend that is down would. */
  failNext(count: number): void {
    this.failures = count;
  }

  /** Events accepted (answered 2xx), in the order they were accepted. */
  accepted(filter: (event: ReceivedEvent) => boolean = () => true): ReceivedEvent[] {
    return this.arrivals
      .filter((arrival) => arrival.answered === 200 && filter(arrival.event))
      .map((arrival) => arrival.event);
  }

  async stop(): Promise<void> {
    this.server.close();
    this.server.closeAllConnections();
    await once(this.server, 'close');
  }

  private receive(
    body: string,
    headers: Record<string, string | string[] | undefined>,
    response: import('node:http').ServerResponse,
  ): void {
    const signatureValid = this.verify(String(headers['voca-signature'] ?? ''), body);
    const answered = !signatureValid ? 401 : this.failures > 0 ? 503 : 200;
    if (answered === 503) this.failures -= 1;
    this.arrivals.push({ event: JSON.parse(body) as ReceivedEvent, headers, answered, signatureValid });
    response.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try later');
  }

  private verify(header: string, body: string): boolean {
    const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
    if (!parts.t || !parts.v1 || Math.abs(Date.now() / 1000 - Number(parts.t)) > 300) return false;
    const expected = createHmac('sha256', this.secret).update(`${parts.t}.${body}`).digest();
    const given = Buffer.from(parts.v1, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
