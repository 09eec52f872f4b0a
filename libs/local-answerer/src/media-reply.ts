import { mediaNoun, type BusinessProfile, type InboundMedia } from '@voca/contracts';
import { readFacts } from './facts.js';
import { listOf } from './plain.js';
import { toneOf, voiceOf } from './tone.js';

export interface MediaReply {
  text: string;
  handoff: boolean;
}

/** What the agent can help with, from the facts the business gave (or what every agent can). */
function helpTopics(profile: BusinessProfile): string[] {
  const facts = readFacts(profile);
  const topics: string[] = [];
  if (facts.storeHours || facts.week) topics.push('our opening hours');
  if (facts.products.length) topics.push('our products and prices');
  if (facts.returns || facts.shipping) topics.push('our return and shipping policies');
  if (facts.phone || facts.email || facts.address || facts.contactText) topics.push('how to reach us');
  return topics.length ? topics : ['questions about our business'];
}

/**
 * The answer to media sent without words (a photo, a voice note, a sticker...): the offline model cannot look at
 * it, so it says so in the agent's tone and what it can help with, or, when the business asked for it
 * (`character_config.media_handoff`), passes the customer to a person. A sticker is a reaction, never handed off.
 */
export function mediaReply(
  profile: BusinessProfile,
  media: readonly InboundMedia[],
  customerName?: string,
): MediaReply {
  const voice = voiceOf(toneOf(profile.voice, profile.business_type));
  const noun = mediaNoun(media[0]!).replace(/ \(.*\)$/, '');
  const firstName = customerName?.split(/\s+/)[0]?.replace(/[^\p{L}'-]/gu, '') || undefined;
  if (media.every((item) => item.type === 'sticker'))
    return { text: `${voice.hello(firstName)} ${voice.offer}`, handoff: false };
  const thanks = `Thanks for sending ${noun}.`;
  if (profile.media_handoff) return { text: `${thanks} ${voice.handoff}`, handoff: true };
  return {
    text: `${thanks} I can't open ${noun.replace(/^an? /, '')}s here, but I can help with ${listOf(helpTopics(profile))}. If you'd like a person to look at it, just say so.`,
    handoff: false,
  };
}
