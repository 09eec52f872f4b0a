import type { InboundMedia, MediaType } from './inbound-event.js';

const NOUNS: Record<MediaType, string> = {
  image: 'a photo',
  audio: 'an audio message',
  video: 'a video',
  document: 'a document',
  sticker: 'a sticker',
  location: 'a location',
  contacts: 'a contact card',
  share: 'a shared post',
};

/** One media reference in words: `a voice note`, `a document (receipt.pdf)`, `a location (Osu Mall, Oxford St)`. */
export function mediaNoun(media: InboundMedia): string {
  if (media.type === 'audio' && media.voice) return 'a voice note';
  const detail =
    media.type === 'document'
      ? media.filename
      : media.type === 'location'
        ? [media.name, media.address].filter(Boolean).join(', ') || undefined
        : media.type === 'contacts'
          ? media.contacts?.map((contact) => contact.name).join(', ')
          : media.type === 'share'
            ? media.name
            : undefined;
  return detail ? `${NOUNS[media.type]} (${detail})` : NOUNS[media.type];
}

/**
 * A message as the conversation shows it to the agent and in the history: the words, after what was sent with them,
 * e.g. `[sent a photo] is this one in stock?`. Text alone is unchanged.
 */
export function describeMessage(text: string, media: readonly InboundMedia[] | null | undefined): string {
  if (!media?.length) return text;
  const sent = `[sent ${media.map(mediaNoun).join(' and ')}]`;
  return text.trim() ? `${sent} ${text}` : sent;
}
