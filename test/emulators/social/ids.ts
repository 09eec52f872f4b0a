import { randomBytes } from 'node:crypto';

/** A WhatsApp message id: `wamid.` and base64 (the documented samples look like `wamid.HBgLMTY1MDUw...`). */
export function whatsappMessageId(): string {
  return `wamid.${randomBytes(30).toString('base64')}`;
}

/** A Messenger / Instagram message id, in the `m_...` form webhooks carry as `mid`. */
export function pageMessageId(): string {
  return `m_${randomBytes(33).toString('base64url')}`;
}

/** A Graph `fbtrace_id`: an opaque support identifier. */
export function fbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}

const TWITTER_EPOCH = 1288834974657n;
let lastSnowflake = 0n;

/** A strictly increasing Snowflake-style numeric id, as X uses for dm_event_id. */
export function snowflakeId(now = Date.now()): string {
  let id = ((BigInt(now) - TWITTER_EPOCH) << 22n) | BigInt(randomBytes(2).readUInt16BE(0) & 0xfff);
  if (id <= lastSnowflake) id = lastSnowflake + 1n;
  lastSnowflake = id;
  return id.toString();
}

/** X's one-to-one conversation id: `{smaller_user_id}-{larger_user_id}` (docs.x.com, Direct Messages lookup guide). */
export function oneToOneConversationId(a: string, b: string): string {
  const [low, high] = compareIds(a, b) <= 0 ? [a, b] : [b, a];
  return `${low}-${high}`;
}

function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
