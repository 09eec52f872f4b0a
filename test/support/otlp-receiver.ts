import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One span as an OTLP/HTTP JSON export carries it, with its resource's service name and its scope. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP's numbering: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  service: string;
  scope: string;
  attributes: Record<string, unknown>;
}

export const OtlpSpanKind = { Internal: 1, Server: 2, Client: 3, Producer: 4, Consumer: 5 } as const;

interface OtlpKeyValue {
  key: string;
  value: Record<string, unknown>;
}

/**
 * A trace collector in the test process: POST /v1/traces with OTLP/HTTP JSON (OTEL_EXPORTER_OTLP_PROTOCOL=http/json;
 * protobuf is refused with 415 so a misconfiguration shows), answered 200 `{}` like a collector does.
 */
export class OtlpReceiver {
  readonly spans: ReceivedSpan[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<OtlpReceiver> {
    let receiver: OtlpReceiver | undefined = undefined;
    const server = createServer((request, response) => {
      void receiver!.receive(request).then(
        (status) => response.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{}' : ''),
        () => response.writeHead(400).end(),
      );
    });
    receiver = new OtlpReceiver(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return receiver;
  }

  /** The base URL, for OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces). */
  get url(): string {
    const { port } = this.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  /** Every span received of one trace. */
  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((span) => span.traceId === traceId);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    this.server.close();
    await once(this.server, 'close');
  }

  private async receive(request: IncomingMessage): Promise<number> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/traces') return 404;
    if (!request.headers['content-type']?.startsWith('application/json')) return 415;
    const raw = Buffer.concat(chunks);
    const body = JSON.parse((request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
    for (const resourceSpans of body.resourceSpans ?? []) {
      const service = String(attributesOf(resourceSpans.resource?.attributes)['service.name']);
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          this.spans.push({
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: span.kind,
            service,
            scope: scopeSpans.scope?.name ?? '',
            attributes: attributesOf(span.attributes),
          });
        }
      }
    }
    return 200;
  }
}

function attributesOf(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, Object.values(value)[0]]));
}
