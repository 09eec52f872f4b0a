/**
 * The languages the engine speaks on the phone: the Amazon Polly voices of each (neural engine), the locale Connect
 * and Lex use for it, and the voice an agent gets unless `character_config.voice` names another of the same language.
 * An agent's `character_config.language` (BCP 47) is matched by its primary subtag.
 */
export interface VoiceLanguage {
  /** Connect's and Polly's locale (`en-US`). */
  locale: string;
  /** Lex V2's locale id (`en_US`). */
  lexLocale: string;
  /** Polly voices with a neural engine in that locale; the first is the default. */
  voices: readonly string[];
}

export const VOICE_LANGUAGES = {
  en: {
    locale: 'en-US',
    lexLocale: 'en_US',
    voices: ['Joanna', 'Matthew', 'Salli', 'Kendra', 'Kimberly', 'Joey', 'Ivy'],
  },
  es: { locale: 'es-US', lexLocale: 'es_US', voices: ['Lupe'] },
  fr: { locale: 'fr-FR', lexLocale: 'fr_FR', voices: ['Léa'] },
  de: { locale: 'de-DE', lexLocale: 'de_DE', voices: ['Vicki'] },
  it: { locale: 'it-IT', lexLocale: 'it_IT', voices: ['Bianca'] },
  pt: { locale: 'pt-BR', lexLocale: 'pt_BR', voices: ['Camila'] },
} as const satisfies Record<string, VoiceLanguage>;

export type VoiceLanguageTag = keyof typeof VOICE_LANGUAGES;
export const VOICE_LANGUAGE_TAGS = Object.keys(VOICE_LANGUAGES) as VoiceLanguageTag[];

/**
 * The primary subtag of a BCP 47 tag when the engine speaks it on the phone (`es-MX` -> `es`; absent or null:
 * `en`); else undefined, also for a value that is not a tag at all (its own validator names that).
 */
export function voiceLanguageTagOf(language: unknown): VoiceLanguageTag | undefined {
  if (language === undefined || language === null) return 'en';
  if (typeof language !== 'string') return undefined;
  const primary = language.split(/[-_]/)[0]!.toLowerCase();
  return primary in VOICE_LANGUAGES ? (primary as VoiceLanguageTag) : undefined;
}

/**
 * Why an agent on these channels cannot speak this language, or undefined when it can: an agent with the voice
 * channel speaks one of VOICE_LANGUAGES on the phone (its prompts, voice and speech recognition).
 */
export function unspokenVoiceLanguage(channels: unknown, language: unknown): string | undefined {
  // Values of the wrong type are named by their own validators.
  if (!Array.isArray(channels) || !channels.includes('voice')) return undefined;
  if (language !== undefined && language !== null && typeof language !== 'string') return undefined;
  if (voiceLanguageTagOf(language)) return undefined;
  return `${language} is not a language the engine speaks on the phone; an agent with the voice channel speaks one of: ${VOICE_LANGUAGE_TAGS.join(', ')}`;
}
