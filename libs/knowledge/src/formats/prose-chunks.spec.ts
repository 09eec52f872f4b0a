import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, sectionChunks, splitToFit } from './prose-chunks.js';

describe('sectionChunks', () => {
  it('packs paragraphs into chunks of up to 1,500 characters, each located at its first paragraph', () => {
    const paragraph = (n: number): string => `Paragraph ${n}. ${'Words that fill the paragraph. '.repeat(15).trim()}`;
    const blocks = [1, 2, 3, 4, 5, 6].map((n) => ({ text: paragraph(n), location: `line ${n * 10}` }));
    const chunks = [...sectionChunks('Returns', blocks)];
    expect(chunks.map((chunk) => chunk.location)).toEqual(['line 10', 'line 40']);
    expect(chunks.every((chunk) => chunk.text.length <= 1500 && chunk.title === 'Returns')).toBe(true);
    expect(chunks[1].text.startsWith('Paragraph 4.')).toBe(true);
    expect(chunks[0].searchText).toBe(`Returns\n${chunks[0].text}`);
  });
});

describe('splitToFit', () => {
  it('cuts at lines, then sentences, then words, keeping every word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,30}[.!?]?$/), { maxLength: 300 }),
        fc.integer({ min: 40, max: 400 }),
        (words, max) => {
          const text = words.join(' ');
          const pieces = splitToFit(text, max);
          expect(pieces.every((piece) => piece.length <= max && piece.trim() === piece)).toBe(true);
          expect(pieces.join(' ').split(/\s+/).filter(Boolean)).toEqual(words);
        },
      ),
    );
  });
});

describe('clip', () => {
  it('cuts long text at a line or word boundary and marks the cut', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip(`${'a'.repeat(90)}\n${'b'.repeat(30)}`, 100)).toBe(`${'a'.repeat(90)}\n…`);
    expect(clip('word '.repeat(40), 100)).toMatch(/^(word ){19}word…$/);
  });
});
