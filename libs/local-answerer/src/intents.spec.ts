import { describe, expect, it } from 'vitest';
import { readMessage } from './intents.js';

const strongTopics = (text: string) => [...readMessage(text).strong.keys()].sort();

describe('readMessage', () => {
  it.each([
    ['What are your store hours?', ['hours']],
    ['When do you close today?', ['hours']],
    ['Can I get my money back?', ['returns']],
    ['Do you take exchanges?', ['returns']],
    ['How much is delivery?', ['shipping']],
    ['When will it arrive?', ['shipping']],
    ['What do you sell?', ['products']],
    ['What are you known for?', ['specialties']],
    ['Do you take credit cards?', ['payment']],
    ['Is there a guarantee?', ['warranty']],
    ["What's your e-mail?", ['contact']],
    ['Where are you located?', ['contact']],
    ['Do you have a web site?', ['website']],
    ['Shipping costs and refunds?', ['returns', 'shipping']],
    ['Tell me about yourselves', ['about']],
    ['Can I open an account?', []],
  ])('%s -> %j', (text, topics) => {
    expect(strongTopics(text)).toEqual(topics);
  });

  it('keeps weak hints apart', () => {
    expect(readMessage('and on Sunday?').weak).toEqual(new Set(['hours']));
    expect(readMessage('How much?').weak).toEqual(new Set(['products']));
    expect(readMessage('How much?').askedPrice).toBe(true);
    expect(readMessage('where are you?').weak).toEqual(new Set(['contact']));
  });

  it.each([
    ['I want to talk to a human', true],
    ['Can I speak to a person?', true],
    ['agent please', true],
    ['put me through to someone', true],
    ['Can someone call me back?', true],
    ['Is there anyone I can talk to?', true],
    ['Are you a human?', false],
    ['Am I talking to a real person?', false],
    ['Can I pick up in person?', false],
    ['talk to you later', false],
    ['What are your hours?', false],
  ])('%s -> wants a person: %s', (text, wants) => {
    expect(readMessage(text).wantsPerson).toBe(wants);
  });

  it('tells an identity question from a request for a person', () => {
    expect(readMessage('Are you a bot?').identity).toBe(true);
    expect(readMessage('is this automated?').identity).toBe(true);
    expect(readMessage("What's your name?").identity).toBe(true);
    expect(readMessage('Who are you?').identity).toBe(true);
    expect(readMessage('Are you open?').identity).toBe(false);
    const both = readMessage('Are you human? I want to speak to a person');
    expect([both.identity, both.wantsPerson]).toEqual([true, true]);
  });

  it('spots order tracking questions', () => {
    for (const text of [
      'Where is my order?',
      "Where's my package",
      'Can I track my order?',
      'My parcel has not arrived yet',
    ]) {
      expect(readMessage(text).orderStatus, text).toBe(true);
    }
    for (const text of ['Where do you deliver?', 'How do I place an order?']) {
      expect(readMessage(text).orderStatus, text).toBe(false);
    }
  });

  it('reads greetings, thanks, goodbyes and days', () => {
    expect(readMessage('Hello there').greeting).toBe(true);
    expect(readMessage('good morning!').greeting).toBe(true);
    expect(readMessage('Are you open in the morning?').greeting).toBe(false);
    expect(readMessage('thx a lot').thanks).toBe(true);
    expect(readMessage('ok see you later').goodbye).toBe(true);
    expect(readMessage('open on sundays or the weekend?').days).toEqual(['SUNDAY', 'SATURDAY']);
    expect(readMessage('which phone number?').contactKinds).toEqual(new Set(['phone']));
  });
});
