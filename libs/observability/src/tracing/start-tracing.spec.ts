import { describe, expect, it } from 'vitest';
import { redactQueryValues, startTracing, tracingActive, tracingConfigured } from './start-tracing.js';

describe('tracing configuration', () => {
  it('is on when an OTLP endpoint is set, for all signals or traces alone', () => {
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe(true);
  });

  it('is off with no endpoint, a blank one, the SDK disabled or the traces exporter none', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(
      false,
    );
    expect(
      tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' }),
    ).toBe(false);
  });

  it('starts nothing when off', () => {
    expect(startTracing('api-gateway', {})).toBe(false);
    expect(tracingActive()).toBe(false);
  });
});

describe('query strings in spans', () => {
  it('keep their names and lose every value', () => {
    expect(redactQueryValues('hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=42')).toBe(
      'hub.mode=REDACTED&hub.verify_token=REDACTED&hub.challenge=REDACTED',
    );
    expect(redactQueryValues('?token=abc&flag')).toBe('?token=REDACTED&flag=REDACTED');
    expect(redactQueryValues('')).toBe('');
    expect(redactQueryValues('?')).toBe('?');
  });
});
