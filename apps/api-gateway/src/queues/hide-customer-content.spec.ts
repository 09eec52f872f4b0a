import type { MessageReplyJobData, MessageReplyResult } from '@voca/contracts';
import { describe, expect, it } from 'vitest';
import { HIDDEN, hideCustomerContent } from './hide-customer-content.js';

describe('hideCustomerContent', () => {
  it("hides a customer's words, name, history and media, and keeps the ids an operator follows a job by", () => {
    const data: MessageReplyJobData = {
      agentId: 'a1',
      channel: 'whatsapp',
      customer: { id: 'c1', name: 'Ada Lovelace' },
      text: 'my number is +15550100',
      messageId: 'wamid.XYZ',
      requestId: 'r1',
      history: [{ role: 'customer', channel: 'voice', text: 'I called before', at: '2026-12-01T10:00:00Z' }],
      media: [{ type: 'location', latitude: 51.5, longitude: -0.12, name: 'Home', address: '1 Main St' }],
    };
    expect(hideCustomerContent(data)).toEqual({
      agentId: 'a1',
      channel: 'whatsapp',
      customer: { id: 'c1', name: HIDDEN },
      text: HIDDEN,
      messageId: 'wamid.XYZ',
      requestId: 'r1',
      history: [{ role: HIDDEN, channel: 'voice', text: HIDDEN, at: '2026-12-01T10:00:00Z' }],
      media: [{ type: HIDDEN, latitude: 51.5, longitude: -0.12, name: HIDDEN, address: HIDDEN }],
    });
  });

  it("hides the agent's reply in a return value", () => {
    const result: MessageReplyResult = { reply: 'Hello Ada', handoff: false, characterVersion: 2, replica: 'host:1' };
    expect(hideCustomerContent(result)).toEqual({ ...result, reply: HIDDEN });
  });

  it('leaves what is not an object or a string alone', () => {
    expect(hideCustomerContent(undefined)).toBeUndefined();
    expect(hideCustomerContent(42)).toBe(42);
    expect(hideCustomerContent('anything')).toBe(HIDDEN);
  });
});
