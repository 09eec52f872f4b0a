import { context, INVALID_SPAN_CONTEXT, isSpanContextValid, trace, type Context } from '@opentelemetry/api';
import { SpanKind, type Span, type Telemetry, type Tracer } from 'bullmq';
import { BullMQOtel, BullMQOTelSpan } from 'bullmq-otel';

/**
 * BullMQ's OpenTelemetry tracing, for every Queue, FlowProducer and Worker of the process once tracing has started
 * (undefined otherwise, so BullMQ does no tracing work at all). A job carries its producer's trace context in its
 * options: adding it makes a producer span under whatever is active (an HTTP request, the job being processed), and
 * processing it a consumer span under that, in whichever process runs it, so a webhook and its reply, or a
 * provisioning request and its steps, are one trace.
 */
let telemetry: Telemetry<Context> | undefined;

/** Called once the process has started tracing, before any queue or worker is created. */
export function enableQueueTelemetry(): void {
  const otel = new BullMQOtel({ tracerName: 'bullmq' });
  telemetry = { contextManager: otel.contextManager, tracer: new JobTracer(otel.tracer) };
}

/** The `telemetry` option of a Queue, FlowProducer or Worker. */
export function queueTelemetry(): Telemetry<Context> | undefined {
  return telemetry;
}

/** A span that records nothing. */
const UNTRACED = new BullMQOTelSpan(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));

/**
 * Leaves out BullMQ's housekeeping that no request or job started: a worker waiting for its next job, the stalled
 * jobs check, closing. Each would be a trace of its own every few seconds per queue, and none says anything. The
 * same operations inside a traced job or request (and every add and process) are traced.
 */
class JobTracer implements Tracer<Context> {
  constructor(private readonly tracer: Tracer<Context>) {}

  startSpan(name: string, options?: { kind: SpanKind }, parent?: Context): Span<Context> {
    if (
      options?.kind === SpanKind.INTERNAL &&
      !isSpanContextValid(trace.getSpanContext(parent ?? context.active()) ?? INVALID_SPAN_CONTEXT)
    ) {
      return UNTRACED;
    }
    return this.tracer.startSpan(name, options, parent);
  }
}
