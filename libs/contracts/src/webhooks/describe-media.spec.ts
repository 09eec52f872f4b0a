import { describe, expect, it } from 'vitest';
import { describeMessage, mediaNoun } from './describe-media.js';

describe('describeMessage', () => {
  it('leaves text alone and puts what was sent before the words', () => {
    expect(describeMessage('hello', undefined)).toBe('hello');
    expect(describeMessage('is this in stock?', [{ type: 'image', id: '1' }])).toBe('[sent a photo] is this in stock?');
    expect(describeMessage('', [{ type: 'audio', id: '2', voice: true }])).toBe('[sent a voice note]');
    expect(describeMessage('', [{ type: 'image' }, { type: 'sticker' }])).toBe('[sent a photo and a sticker]');
  });

  it('names documents, places, contacts and shares by what the platform said of them', () => {
    expect(mediaNoun({ type: 'document', filename: 'receipt.pdf' })).toBe('a document (receipt.pdf)');
    expect(mediaNoun({ type: 'location', latitude: 1, longitude: 2, name: 'Osu Mall', address: 'Oxford St' })).toBe(
      'a location (Osu Mall, Oxford St)',
    );
    expect(mediaNoun({ type: 'location', latitude: 1, longitude: 2 })).toBe('a location');
    expect(mediaNoun({ type: 'contacts', contacts: [{ name: 'Kofi Mensah', phones: [] }] })).toBe(
      'a contact card (Kofi Mensah)',
    );
    expect(mediaNoun({ type: 'share', url: 'https://x', name: 'Cozy nights' })).toBe('a shared post (Cozy nights)');
  });
});
