import { describe, expect, it } from 'vitest';
import { toneOf, voiceOf, type Tone } from './tone.js';

describe('toneOf', () => {
  it.each([
    ['friendly', 'friendly'],
    ['Warm', 'warm'],
    ['casual', 'casual'],
    ['laid-back and fun', 'casual'],
    ['professional', 'professional'],
    ['FORMAL', 'formal'],
    ['polite and courteous', 'formal'],
    ['warm and professional', 'warm'],
    ['professional but warm', 'professional'],
  ] as const)('%s -> %s', (tone, expected) => {
    expect(toneOf({ tone }, 'retail')).toBe(expected);
  });

  it('falls back to the personality, then to a default by business type', () => {
    expect(toneOf({ personality: 'patient and caring' }, 'retail')).toBe('warm');
    expect(toneOf({ tone: 'zany' }, 'retail')).toBe('friendly');
    expect(toneOf({}, 'microfinance')).toBe('professional');
    expect(toneOf(undefined, undefined)).toBe('friendly');
  });
});

describe('voiceOf', () => {
  const tones: Tone[] = ['friendly', 'warm', 'casual', 'professional', 'formal'];

  it('gives each tone its own greeting and sign-off, naming the business', () => {
    expect(new Set(tones.map((t) => voiceOf(t).welcome('Acme', 'Sam'))).size).toBe(tones.length);
    expect(new Set(tones.map((t) => voiceOf(t).anythingElse)).size).toBe(tones.length);
    for (const tone of tones) {
      const voice = voiceOf(tone);
      expect(voice.welcome('Acme')).toContain('Acme');
      expect(voice.welcomeBack('Acme')).toContain('Acme');
      expect(voice.goodbye('Acme')).toContain('Acme');
      expect(voice.welcome('Acme', 'Sam')).toContain('Sam');
    }
  });

  it('never has the agent claim to be a person, and never promises a time', () => {
    for (const tone of tones) {
      const voice = voiceOf(tone);
      expect(voice.handoff).toMatch(/team|staff/);
      for (const line of [voice.handoff, voice.unknown, voice.offer, voice.thanks]) {
        expect(line).not.toMatch(/\bI am (?:a )?(?:human|person)\b|\d|minute|shortly|right away/i);
      }
    }
  });
});
