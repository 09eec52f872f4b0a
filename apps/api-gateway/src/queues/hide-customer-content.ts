/** What the dashboard shows in place of a value it hides. */
export const HIDDEN = '[hidden]';

/** Keys whose values are ids or the engine's own words: what an operator needs to follow a job, never a customer's. */
const SHOWN_KEYS = new Set([
  'kind',
  'channel',
  'channels',
  'step',
  'reason',
  'status',
  'at',
  'handoff',
  'characterVersion',
  'replica',
]);

/** Whether a key names an id (`id`, `agentId`, `operation_id`, `messageIds`). */
const ID_KEY = /(^id$|Ids?$|_ids?$)/;

/**
 * A job's data or return value as the queue dashboard shows it: ids, numbers, booleans and the engine's own fields
 * kept; every other string hidden, however deep, so customers' words, names and addresses never reach an operator's
 * screen. Hiding by default means a field added later stays hidden until it is named here.
 */
export function hideCustomerContent(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return SHOWN_KEYS.has(key) || ID_KEY.test(key) ? value : HIDDEN;
  if (Array.isArray(value)) return value.map((item) => hideCustomerContent(item, key));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, hideCustomerContent(item, name)]));
}
