import type { ToolIntent } from '@voca/contracts';

/** Words in a tool's name that say which common service request it serves. */
const NAMED: [ToolIntent, RegExp][] = [
  ['order_status', /order|track|shipment|delivery|parcel|package/],
  ['stock_check', /stock|inventory|availab/],
  ['booking', /book|appointment|reserv|schedul/],
];

/** The kind of request a tool serves: as registered, else read from its name; null when neither says. */
export function intentOf(tool: { name: string; intent: ToolIntent | null }): ToolIntent | null {
  if (tool.intent) return tool.intent;
  // A tool that changes an order is not the one that looks it up.
  if (/cancel|refund|return|delete|change|update/.test(tool.name)) return null;
  return NAMED.find(([, words]) => words.test(tool.name))?.[0] ?? null;
}
