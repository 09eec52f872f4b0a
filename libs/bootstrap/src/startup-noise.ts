import type { LoggerService } from '@nestjs/common';

/**
 * Nest announces every module it loads and every route it maps at `log` level: some 180 lines for the four apps
 * at each start, which bury the lines a person starting the engine needs. Those are debug lines here
 * (LOG_LEVEL=debug shows them); everything else passes through unchanged.
 */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export class QuietStartupLogger implements LoggerService {
  constructor(private readonly logger: LoggerService & { debug: NonNullable<LoggerService['debug']> }) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = params.at(-1);
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) this.logger.debug(message, ...params);
    else this.logger.log(message, ...params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.logger.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.logger.warn(message, ...params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.logger.debug(message, ...params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.logger.verbose?.(message, ...params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    (this.logger.fatal ?? this.logger.error).call(this.logger, message, ...params);
  }
}
