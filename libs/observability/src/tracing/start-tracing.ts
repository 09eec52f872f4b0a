import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import type * as ExpressInstrumentationModule from '@opentelemetry/instrumentation-express';
import type * as HttpInstrumentationModule from '@opentelemetry/instrumentation-http';
import type * as UndiciInstrumentationModule from '@opentelemetry/instrumentation-undici';
import type * as SdkNodeModule from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry tracing of one app, configured by the standard OTEL_* variables and off unless an OTLP endpoint is
 * set: then nothing of the SDK is even loaded. This module imports nothing else of the engine (nor Nest, nor
 * Express), since it must run before them: each app's main.ts imports it first, through its `tracing.ts`.
 */

type Env = Record<string, string | undefined>;

/** Query names AWS signs requests with when it signs in the URL (presigned URLs), as the instrumentation lists them. */
const AWS_QUERY_SECRETS = [
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Goog-Signature',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
];

/** Probes and scrapes: not worth a trace each. */
const UNTRACED_PATHS = ['/health', '/metrics'];

/** What a span shows for every query value. */
const REDACTED = 'REDACTED';

/**
 * A query string with every value replaced (names kept): queries carry secrets (Meta's `hub.verify_token`, X's
 * `crc_token`) and vendors put tokens in the URLs they register, so none of their values is worth a leak. Keeps a
 * leading `?` if there was one.
 */
export function redactQueryValues(query: string): string {
  const bare = query.startsWith('?') ? query.slice(1) : query;
  if (!bare) return query;
  const names = bare.split('&').map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return `${query.startsWith('?') ? '?' : ''}${names.join('&')}`;
}

/**
 * A path segment that is a credential, `<id>:<secret>`: APIs that take their token in the path (the Telegram Bot API's
 * `/bot<id>:<secret>/sendMessage`) keep the id and lose the secret.
 */
const CREDENTIAL_SEGMENT = /(\/[^/:]*:)[A-Za-z0-9_-]{16,}(?=\/|$)/g;

export function redactPathSecrets(path: string): string {
  return path.replace(CREDENTIAL_SEGMENT, `$1${REDACTED}`);
}

/** A URL's query values and path credentials redacted (unparseable URLs are left to the instrumentation). */
function redactedUrlAttributes(url: URL): Record<string, string> {
  const path = redactPathSecrets(url.pathname);
  if (!url.search && path === url.pathname) return {};
  return {
    'url.full': `${url.origin}${path}${redactQueryValues(url.search)}`,
    'url.path': path,
    ...(url.search ? { 'url.query': redactQueryValues(url.search) } : {}),
  };
}

/** How long a shutdown waits for the last spans to reach the collector. */
const FLUSH_TIMEOUT_MS = 3_000;

const load = createRequire(import.meta.url);

let sdk: SdkNodeModule.NodeSDK | undefined;

/**
 * Whether traces are to be exported: an OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT, or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT for traces alone), and neither OTEL_SDK_DISABLED nor OTEL_TRACES_EXPORTER=none
 * says otherwise.
 */
export function tracingConfigured(env: Env = process.env): boolean {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return (
    Boolean(endpoint) &&
    env.OTEL_SDK_DISABLED?.trim().toLowerCase() !== 'true' &&
    env.OTEL_TRACES_EXPORTER?.trim() !== 'none'
  );
}

/**
 * Starts the SDK when tracing is configured: spans of HTTP servers and clients (node:http, fetch) and of Express
 * routes, exported in batches over OTLP; the service is `serviceName` unless OTEL_SERVICE_NAME names it. The
 * exporter, its protocol, the sampler, propagators and resource attributes follow the OTEL_* variables as the SDK
 * reads them. Metrics and logs are not sent (the engine has Prometheus metrics and JSON logs). True when started.
 */
export function startTracing(serviceName: string, env: Env = process.env): boolean {
  if (sdk) return true;
  // As for the rest of the configuration (libs/config), .env fills what the environment leaves unset; read here
  // already, since tracing starts before the app's configuration is loaded.
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  if (!tracingConfigured(env)) return false;
  const { NodeSDK } = load('@opentelemetry/sdk-node') as typeof SdkNodeModule;
  const { HttpInstrumentation } = load('@opentelemetry/instrumentation-http') as typeof HttpInstrumentationModule;
  const { ExpressInstrumentation } = load(
    '@opentelemetry/instrumentation-express',
  ) as typeof ExpressInstrumentationModule;
  const { UndiciInstrumentation } = load('@opentelemetry/instrumentation-undici') as typeof UndiciInstrumentationModule;
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() ? undefined : serviceName,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) =>
          UNTRACED_PATHS.some((path) => request.url?.startsWith(path)),
        startIncomingSpanHook: (request: IncomingMessage) => {
          const query = request.url?.split('?')[1];
          return query ? { 'url.query': redactQueryValues(query) } : {};
        },
        // node:http clients are the AWS SDK's (SigV4 in headers); the names it may sign in a query are the defaults.
        redactedQueryParams: [...AWS_QUERY_SECRETS, 'access_token', 'token'],
      }),
      new ExpressInstrumentation(),
      // undici (fetch and the outbound client): platform sends, event callbacks, OpenAI-compatible models.
      new UndiciInstrumentation({
        startSpanHook: (request) => {
          try {
            return redactedUrlAttributes(new URL(request.path, request.origin));
          } catch {
            return {};
          }
        },
      }),
    ],
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  loadExpressPatched();
  return true;
}

/**
 * The instrumentations patch CommonJS modules as they are `require`d. Express is CommonJS but reaches the apps
 * through an ESM `import` in @nestjs/platform-express, which they do not see; requiring it here first, from where
 * Nest resolves it, leaves the patched module in the cache that the later import reads.
 */
function loadExpressPatched(): void {
  let platform: string;
  try {
    platform = import.meta.resolve('@nestjs/platform-express');
  } catch {
    return;
  }
  createRequire(platform)('express');
}

/** Whether this process started tracing. */
export function tracingActive(): boolean {
  return sdk !== undefined;
}

/**
 * Exports the spans still buffered and stops tracing, within a few seconds whatever the collector does; on shutdown,
 * once the app has finished its work. A no-op when tracing is off.
 */
export async function shutdownTracing(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  const stopping = sdk;
  if (!stopping) return;
  sdk = undefined;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([stopping.shutdown().catch(() => undefined), timedOut]);
  clearTimeout(timer);
}
