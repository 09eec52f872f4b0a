import type { SocialChannel } from '@voca/contracts';
import { GraphSender } from './graph-sender.js';
import type { PlatformSender, SenderSettings } from './platform-sender.js';
import { XSender } from './x-sender.js';

/** The sender of each social channel. */
export function platformSenders(settings: SenderSettings): Record<SocialChannel, PlatformSender> {
  const graph = new GraphSender(settings);
  return { whatsapp: graph, facebook: graph, instagram: graph, twitter: new XSender(settings) };
}

/** The longest a business may wait after the customer's last message before a free-form reply is refused. */
export const REPLY_WINDOW_MS: Record<SocialChannel, number | undefined> = {
  whatsapp: 24 * 3600_000,
  facebook: 24 * 3600_000,
  instagram: 24 * 3600_000,
  twitter: undefined,
};
