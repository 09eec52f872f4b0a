import { resolveBusinessProfile } from '@voca/business';
import { describe, expect, it } from 'vitest';
import { mediaReply } from './media-reply.js';

const profile = (extra: Record<string, unknown> = {}) =>
  resolveBusinessProfile({
    name: 'Cozy Comfort Bedding',
    description: null,
    business_type: 'retail',
    character_config: { tone: 'friendly', ...extra },
    context: { store_hours: 'Monday to Saturday, 9 AM - 6 PM EST', policies: { returns: '30 days' } },
  });

describe('mediaReply', () => {
  it('says it cannot open the media and what it can help with, from the business facts', () => {
    expect(mediaReply(profile(), [{ type: 'image', id: '1' }])).toEqual({
      text: "Thanks for sending a photo. I can't open photos here, but I can help with our opening hours and our return and shipping policies. If you'd like a person to look at it, just say so.",
      handoff: false,
    });
    expect(mediaReply(profile(), [{ type: 'audio', voice: true }]).text).toContain(
      "Thanks for sending a voice note. I can't open voice notes here",
    );
  });

  it('hands the customer to a person when the business asked for it, but never for a sticker', () => {
    const handing = profile({ media_handoff: true });
    expect(mediaReply(handing, [{ type: 'document', filename: 'receipt.pdf' }])).toEqual({
      text: "Thanks for sending a document. I'll get someone from our team to help you with this.",
      handoff: true,
    });
    expect(mediaReply(handing, [{ type: 'sticker' }], 'Ann Lee')).toEqual({
      text: 'Hi Ann! How can I help you today?',
      handoff: false,
    });
  });
});
