/**
 * The languages the tool questions and replies are written in. Recognition reads the key phrases of all of them
 * whatever the agent's language (a customer may write in another); what the agent says is in its own language when
 * supported, else English.
 */
export const TOOL_LANGUAGES = ['en', 'es', 'fr', 'pt', 'de'] as const;
export type ToolLanguage = (typeof TOOL_LANGUAGES)[number];

function primaryOf(tag: string | undefined): string {
  return typeof tag === 'string' ? (tag.trim().toLowerCase().split(/[-_]/)[0] ?? '') : '';
}

/** 'es-MX' -> 'es'; an unsupported or absent tag -> 'en'. */
export function toolLanguage(tag: string | undefined): ToolLanguage {
  const primary = primaryOf(tag);
  return TOOL_LANGUAGES.find((language) => language === primary) ?? 'en';
}

/** English regions that write a numeric date month first (12/08 is December 8); everyone else writes the day first. */
const MONTH_FIRST_REGIONS = new Set(['', 'us', 'ph', 'ca', 'um', 'as', 'gu', 'mp', 'pr', 'vi']);

export function monthFirst(tag: string | undefined): boolean {
  if (primaryOf(tag || 'en') !== 'en') return false;
  const region = (tag ?? '').trim().toLowerCase().split(/[-_]/)[1] ?? '';
  return MONTH_FIRST_REGIONS.has(region);
}

/** The first name to greet the customer by, letters only ("Ann Lee" -> "Ann"); undefined when there is none. */
export function firstNameOf(name: string | undefined): string | undefined {
  if (typeof name !== 'string') return undefined;
  const first = name
    .trim()
    .split(/\s+/)[0]
    ?.replace(/[^\p{L}\p{M}'’-]/gu, '')
    .replace(/^['’-]+|['’-]+$/g, '');
  return first && first.length <= 30 ? first : undefined;
}

/** ", Ann" after a phrase, or nothing. */
export function namedAfter(name: string | undefined): string {
  const first = firstNameOf(name);
  return first ? `, ${first}` : '';
}
