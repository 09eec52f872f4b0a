import { describe, expect, it } from 'vitest';
import {
  redactPathSecrets,
  redactQueryValues,
  startTracing,
  tracingActive,
  tracingConfigured,
} from './start-tracing.js';

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

describe('credentials in paths in spans', () => {
  it("keep the id and lose the secret of a token in the path (the Bot API's), and leave other paths alone", () => {
    expect(redactPathSecrets('/bot7012345678:AAH3k9fJq2LmN8pQ4rS6tU1vW5xY7zA0bCd/sendMessage')).toBe(
      '/bot7012345678:REDACTED/sendMessage',
    );
    expect(redactPathSecrets('/bot7012345678:AAH3k9fJq2LmN8pQ4rS6tU1vW5xY7zA0bCd')).toBe('/bot7012345678:REDACTED');
    expect(redactPathSecrets('/v21.0/106540352242922/messages')).toBe('/v21.0/106540352242922/messages');
    expect(redactPathSecrets('/2/dm_conversations/with/2244994945/messages')).toBe(
      '/2/dm_conversations/with/2244994945/messages',
    );
  });
});
