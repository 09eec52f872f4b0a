/** Keys whose values never reach a log line, at any depth: credentials, signatures, and SQL parameter values. */
const SECRET_KEY =
  /token|secret|password|passwd|authorization|signature|cookie|ciphertext|credential|api[-_]?key|^parameters$/i;
const CENSOR = '[redacted]';
/** An absolute URL or a request path (`/api/v1/webhooks/meta?hub.verify_token=…`) with a query string. */
const URL_WITH_QUERY = /^(https?:\/\/|\/)[^\s?]*\?/;
const MAX_DEPTH = 8;

/**
 * A copy of a log object with every secret-looking key censored however deep it sits (pino's own `redact` paths
 * reach one level only). Query strings are cut from URLs and request paths, since they can carry tokens and customer
 * text. Errors keep their name, message, code and stack; whatever else they carry is walked like any object.
 */
export function redactDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string')
    return depth > 0 && URL_WITH_QUERY.test(value) ? value.split('?')[0] + '?[redacted]' : value;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  if (value instanceof Error) {
    copy.type = value.name;
    copy.message = value.message;
    if (value.stack) copy.stack = value.stack;
  }
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? CENSOR : redactDeep(item, depth + 1, seen);
  }
  return copy;
}
