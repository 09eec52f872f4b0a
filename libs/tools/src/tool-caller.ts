import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  TOOL_CALL_ID_HEADER,
  TOOL_IDEMPOTENCY_HEADER,
  TOOL_NAME_HEADER,
  TOOL_SIGNATURE_HEADER,
  type ToolCallBody,
  type ToolCallStatus,
} from '@voca/contracts';
import { OutboundFailure, type OutboundFailureKind, type OutboundHttpClient } from '@voca/outbound-http';
import { eventSignature } from '@voca/secrets';

/** One call as the caller makes it: where, signed with what, and how long it may take. */
export interface ToolRequest {
  callId: string;
  url: string;
  secret: string;
  idempotencyKey: string;
  timeoutMs: number;
  body: ToolCallBody;
}

/** What a call came to: the backend's JSON object, or why there is none (in the engine's words). */
export interface ToolAnswer {
  status: Extract<ToolCallStatus, 'ok' | 'failed' | 'timeout' | 'refused' | 'invalid_answer'>;
  result?: Record<string, unknown>;
  error?: string;
  httpStatus?: number;
  latencyMs: number;
  responseBytes: number;
}

const tracer = trace.getTracer('voca-tools');

const FAILURE_STATUS: Record<OutboundFailureKind, ToolAnswer['status']> = {
  timeout: 'timeout',
  refused: 'refused',
  unreachable: 'failed',
  too_large: 'invalid_answer',
  encoded: 'invalid_answer',
};

/**
 * POSTs a tool call to the backend through the outbound client (no internal destinations, no redirects, the answer
 * read unencoded and bounded), signed like event deliveries: `voca-signature: t=<unix s>,v1=<HMAC-SHA256(secret,
 * "<t>.<body>")>`, with the call's idempotency key. A 2xx answer must be a JSON object.
 */
export class ToolCaller {
  constructor(
    private readonly http: OutboundHttpClient,
    private readonly maxResponseBytes: number,
  ) {}

  /** One call, traced as a span of the turn (`tool.call`), its HTTP exchange beneath it. */
  call(request: ToolRequest): Promise<ToolAnswer> {
    return tracer.startActiveSpan(
      `tool.call ${request.body.tool}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'voca.tool.name': request.body.tool,
          'voca.tool.call_id': request.callId,
          'voca.agent_id': request.body.conversation.agent_id,
          'voca.channel': request.body.conversation.channel,
        },
      },
      async (span) => {
        try {
          const answer = await this.exchange(request);
          span.setAttributes({
            'voca.tool.status': answer.status,
            'voca.tool.response_bytes': answer.responseBytes,
            ...(answer.httpStatus ? { 'http.response.status_code': answer.httpStatus } : {}),
          });
          if (answer.status !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: answer.error });
          return answer;
        } finally {
          span.end();
        }
      },
    );
  }

  private async exchange(request: ToolRequest): Promise<ToolAnswer> {
    const body = JSON.stringify(request.body);
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    let status: number;
    let answer: Buffer;
    try {
      const response = await this.http.request({
        method: 'POST',
        url: request.url,
        timeoutMs: request.timeoutMs,
        maxResponseBytes: this.maxResponseBytes,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': 'voca-ai-engine-tools/1',
          [TOOL_SIGNATURE_HEADER]: eventSignature(request.secret, Math.floor(Date.now() / 1000), body),
          [TOOL_IDEMPOTENCY_HEADER]: request.idempotencyKey,
          [TOOL_CALL_ID_HEADER]: request.callId,
          [TOOL_NAME_HEADER]: request.body.tool,
        },
        body,
      });
      status = response.status;
      answer = response.body;
    } catch (error) {
      const failure = error instanceof OutboundFailure ? error : undefined;
      return {
        status: failure ? FAILURE_STATUS[failure.kind] : 'failed',
        error: failure?.reason ?? 'could not reach the tool',
        latencyMs: took(),
        responseBytes: 0,
      };
    }
    const measured = { latencyMs: took(), responseBytes: answer.length, httpStatus: status };
    if (status < 200 || status >= 300) {
      const error =
        status >= 300 && status < 400
          ? `the tool answered ${status}; redirects are not followed`
          : `the tool answered ${status}`;
      return { status: 'failed', error, ...measured };
    }
    const result = jsonObjectOf(answer);
    if (!result) return { status: 'invalid_answer', error: 'the answer was not a JSON object', ...measured };
    return { status: 'ok', result, ...measured };
  }
}

function jsonObjectOf(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
