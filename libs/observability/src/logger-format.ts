/** JSON lines for machines (production, tests, files, log collectors), or pino-pretty's lines for a person. */
export type LogFormat = 'json' | 'pretty';

export interface LogFormatContext {
  /** NODE_ENV as the app validated it. */
  nodeEnv: string;
  /** Whether the process writes its logs (stdout) to a terminal. */
  isTTY: boolean;
  /**
   * FORCE_COLOR as the process got it. `npm run dev` runs the apps behind concurrently, whose pipes are not terminals;
   * concurrently sets FORCE_COLOR for them when it writes to a terminal itself.
   */
  forceColor?: string;
}

/**
 * Pretty only for a person watching a development engine: NODE_ENV=development and a terminal (or concurrently in
 * one). Anything else, production, tests, output sent to a file or a pipe, stays one JSON object per line.
 */
export function logFormatFor({ nodeEnv, isTTY, forceColor }: LogFormatContext): LogFormat {
  if (nodeEnv !== 'development') return 'json';
  const colorForced = forceColor !== undefined && forceColor !== '0' && forceColor !== 'false';
  return isTTY || colorForced ? 'pretty' : 'json';
}

/** The format for this process. */
export function processLogFormat(nodeEnv: string): LogFormat {
  return logFormatFor({ nodeEnv, isTTY: process.stdout.isTTY === true, forceColor: process.env.FORCE_COLOR });
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
