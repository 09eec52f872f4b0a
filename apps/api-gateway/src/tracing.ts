/**
 * The first import of main.ts: OpenTelemetry tracing starts (when configured) before http, Express and Nest are
 * loaded, so its instrumentations patch them; ESM runs an import's whole graph before the next import's.
 */
import { startTracing } from '@voca/observability/tracing';

startTracing('api-gateway');
