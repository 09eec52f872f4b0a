import type { BusinessProfile } from '@voca/contracts';
import { toneOf, type Tone } from '@voca/local-answerer';

/** How each tone reads in the character: adjectives for the bio and a style rule for the model. */
const STYLES: Record<Tone, { adjectives: string[]; style: string }> = {
  friendly: {
    adjectives: ['friendly', 'helpful', 'approachable'],
    style: 'Be warm and upbeat; use the customer name when known.',
  },
  warm: {
    adjectives: ['warm', 'caring', 'patient'],
    style: 'Be gentle and reassuring; acknowledge how the customer feels.',
  },
  casual: {
    adjectives: ['relaxed', 'easygoing', 'helpful'],
    style: 'Keep it relaxed and conversational, like a helpful friend.',
  },
  professional: {
    adjectives: ['professional', 'precise', 'courteous'],
    style: 'Be courteous, clear and to the point.',
  },
  formal: {
    adjectives: ['formal', 'respectful', 'precise'],
    style: 'Use formal, respectful language; avoid slang and contractions.',
  },
};

/** The agent's tone, resolved the same way the offline model resolves it, with how it reads in a character. */
export function characterToneOf(profile: BusinessProfile): { name: Tone; adjectives: string[]; style: string } {
  const name = toneOf(profile.voice, profile.business_type);
  return { name, ...STYLES[name] };
}
