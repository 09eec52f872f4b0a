/**
 * Bounds on what one webhook call may carry. Real deliveries are far below them (Meta batches at most a few
 * hundred changes, X one or a few events); they stop a hostile or broken sender from making one request cost
 * unbounded work or memory.
 */

/** More events (messages, statuses, messaging items, DM events, skipped ones included) than this: refused. */
export const MAX_EVENTS_PER_PAYLOAD = 1000;

/**
 * Message texts longer than this many characters (Unicode code points) are cut to it. WhatsApp allows 4096
 * characters in a text body and Messenger 2000, so only an abnormal payload is ever cut; the cut keeps the start of
 * the message rather than refusing the whole delivery, and never splits a surrogate pair.
 */
export const MAX_TEXT_LENGTH = 4096;

export function truncateText(text: string): string {
  // Code points never outnumber UTF-16 units: a short string needs no work.
  if (text.length <= MAX_TEXT_LENGTH) return text;
  let out = '';
  let count = 0;
  for (const codePoint of text) {
    if (count === MAX_TEXT_LENGTH) break;
    out += codePoint;
    count += 1;
  }
  return out;
}
