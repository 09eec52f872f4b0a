import { describe, expect, it } from 'vitest';
import { QuietStartupLogger } from './startup-noise.js';

function recorder() {
  const lines: [string, unknown[]][] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push([level, args]);
  return {
    lines,
    logger: { log: at('log'), error: at('error'), warn: at('warn'), debug: at('debug'), verbose: at('verbose') },
  };
}

describe('QuietStartupLogger', () => {
  it("makes Nest's module and route announcements debug lines, and passes everything else through", () => {
    const { lines, logger } = recorder();
    const quiet = new QuietStartupLogger(logger);
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.log('Mapped {/health, GET} route', 'RouterExplorer');
    quiet.log('HealthController {/health}:', 'RoutesResolver');
    quiet.log('Nest application successfully started', 'NestApplication');
    quiet.log({ agentId: 'a' }, 'operation ended', 'Finalizer');
    quiet.warn('careful', 'Somewhere');
    quiet.fatal('down', 'Somewhere');
    expect(lines).toEqual([
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
      ['debug', ['Mapped {/health, GET} route', 'RouterExplorer']],
      ['debug', ['HealthController {/health}:', 'RoutesResolver']],
      ['log', ['Nest application successfully started', 'NestApplication']],
      ['log', [{ agentId: 'a' }, 'operation ended', 'Finalizer']],
      ['warn', ['careful', 'Somewhere']],
      ['error', ['down', 'Somewhere']],
    ]);
  });
});
