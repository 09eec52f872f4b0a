/** How a caller says the parts of an address, per language (BCP 47 primary subtag); English otherwise. */
const ADDRESS_WORDS: Record<string, { dot: string; slash: string; at: string }> = {
  en: { dot: 'dot', slash: 'slash', at: 'at' },
  es: { dot: 'punto', slash: 'barra', at: 'arroba' },
  fr: { dot: 'point', slash: 'slash', at: 'arobase' },
  pt: { dot: 'ponto', slash: 'barra', at: 'arroba' },
  de: { dot: 'Punkt', slash: 'Schrägstrich', at: 'at' },
  it: { dot: 'punto', slash: 'slash', at: 'chiocciola' },
};

const EMAIL = /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi;
const URL = /\b(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(\/[^\s)\]]*)?/gi;
/** Pictographs and what builds them (skin tones, joiners, variation selectors, flags, keycaps). */
const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f|\u20e3|[\u{1f1e6}-\u{1f1ff}]/gu;

/** An address as it is read out: "cozycomfort dot com slash returns". */
function spokenAddress(host: string, path: string | undefined, words: (typeof ADDRESS_WORDS)['en']): string {
  const spokenHost = host.toLowerCase().split('.').join(` ${words.dot} `);
  const segments = (path ?? '')
    .replace(/[?#].*$/, '')
    .split('/')
    .map((segment) => segment.replace(/[.,;:!?]+$/, ''))
    .filter(Boolean);
  return [spokenHost, ...segments].join(` ${words.slash} `);
}

/**
 * A reply as a caller should hear it: Markdown reduced to its words (a link to its text, a list to sentences), emoji
 * dropped, and web and e-mail addresses spelled as a person says them ("cozycomfort dot com"), in the agent's
 * language. Texts (SMS, chats) keep their formatting; only what is spoken goes through this.
 */
export function speakable(text: string, language = 'en'): string {
  const words = ADDRESS_WORDS[language.split('-')[0]!.toLowerCase()] ?? ADDRESS_WORDS.en!;
  const trailingDot = (line: string) => (/[.!?:;,]$/.test(line) ? line : `${line}.`);
  const lines = text
    .replace(/```[^\n]*\n?([\s\S]*?)```/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^)]*)\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,!?:;]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(EMAIL, (address) => {
      const [user, domain] = address.split('@') as [string, string];
      return `${user} ${words.at} ${spokenAddress(domain, undefined, words)}`;
    })
    .replace(URL, (_match, host: string, path?: string) => spokenAddress(host, path, words))
    .replace(EMOJI, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*(?:[-*+•]|\d{1,3}[.)])\s+/, '')
        .replace(/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/, '')
        .replace(/\s*\|\s*/g, ', ')
        .replace(/^,\s*|,\s*$/g, '')
        .replace(/\s{2,}/g, ' ')
        .trim(),
    )
    .filter(Boolean);
  // Lines become sentences: a list read out loud, not run together.
  return lines.length <= 1 ? (lines[0] ?? '') : lines.map(trailingDot).join(' ');
}
