/** JSON lines for machines (production, tests, files, log collectors), or pino-pretty's lines for a person. */
export type LogFormat = 'json' | 'pretty';

/** LOG_FORMAT: `auto` picks by NODE_ENV; `json` or `pretty` say so whatever the environment. */
export type LogFormatSetting = 'auto' | LogFormat;

/**
 * `auto`: pino-pretty's lines in development, whether the output is a terminal or a pipe (`npm run dev | tee dev.log`
 * is still read by a person), and one JSON object per line anywhere else (production, tests). LOG_FORMAT=json keeps
 * JSON in development too (a log collector on a development machine); LOG_FORMAT=pretty reads production logs by eye.
 */
export function logFormatFor(nodeEnv: string, setting: LogFormatSetting = 'auto'): LogFormat {
  if (setting !== 'auto') return setting;
  return nodeEnv === 'development' ? 'pretty' : 'json';
}

/**
 * pino-pretty's options: the time of day, `[Context] message` for Nest's own lines, the app's name, and each line's
 * other fields on the same line (four apps share one terminal under `npm run dev`). Colors follow the terminal.
 */
export const PRETTY_OPTIONS = {
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,context',
  messageFormat: '{if context}[{context}] {end}{msg}',
  singleLine: true,
} as const;

/** The pino transport that writes pino-pretty's lines to stdout (in a worker thread, as pino runs transports). */
export function prettyTransport() {
  return { target: 'pino-pretty', options: PRETTY_OPTIONS };
}
