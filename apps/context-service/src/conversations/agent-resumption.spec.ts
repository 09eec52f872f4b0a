import type { ConversationMessage } from '@voca/persistence';
import { describe, expect, it } from 'vitest';
import { AgentResumption, stillAnswerable } from './agent-resumption.js';
import type { HeldMessages } from './held-messages.js';

const HOUR = 3600_000;
const now = Date.now();

let seq = 0;
function held(channel: ConversationMessage['channel'], hoursAgo: number, customerId: string | null = 'c1') {
  seq += 1;
  return {
    id: `m${seq}`,
    agentId: 'a1',
    channel,
    customerId,
    sentAt: new Date(now - hoursAgo * HOUR),
    status: 'held',
  } as ConversationMessage;
}

/** The held messages in memory: what HeldMessageStore keeps in Postgres, and who went to a person. */
class FakeHeld implements HeldMessages {
  readonly released: { id: string; to: string }[] = [];

  constructor(private readonly messages: ConversationMessage[]) {}

  async heldInbound() {
    return this.messages.filter((message) => message.status === 'held');
  }

  async release(message: ConversationMessage, to: 'queued' | { followUp: string }) {
    if (message.status !== 'held') return false;
    message.status = to === 'queued' ? 'queued' : 'follow_up';
    this.released.push({ id: message.id, to: to === 'queued' ? 'queued' : `person: ${to.followUp}` });
    return true;
  }
}

class FakeTurns {
  readonly started: string[] = [];
  async startNext(customerId: string) {
    this.started.push(customerId);
  }
}

describe('resuming an agent', () => {
  it('answers what its platforms still allow, in order, and gives the rest to a person', async () => {
    const messages = [
      held('whatsapp', 2, 'c1'),
      held('whatsapp', 30, 'c2'), // past WhatsApp's 24-hour window
      held('twitter', 200, 'c3'), // X has no window
      held('voice', 0.1, 'c4'), // the caller is gone
      held('whatsapp', 3, 'c1'),
      held('telegram', 100, 'c5'), // a bot may answer any time
    ];
    const store = new FakeHeld(messages);
    const turns = new FakeTurns();
    const outcome = await new AgentResumption(store, turns).resume('a1', 'req-1');
    expect(outcome).toEqual({ queued: 4, followUp: 2 });
    expect(store.released.map((release) => release.to)).toEqual([
      'queued',
      'person: the agent was not answering, and the platform no longer lets it reply',
      'queued',
      'person: the agent was not answering, and the platform no longer lets it reply',
      'queued',
      'queued',
    ]);
    // One turn started per customer, in the order their messages came: each customer's turns then follow on.
    expect(turns.started).toEqual(['c1', 'c3', 'c5']);
  });

  it('reads the windows from the channel adapters', () => {
    expect(stillAnswerable({ channel: 'facebook', sentAt: new Date(now - 23 * HOUR) }, now)).toBe(true);
    expect(stillAnswerable({ channel: 'instagram', sentAt: new Date(now - 25 * HOUR) }, now)).toBe(false);
    expect(stillAnswerable({ channel: 'sms', sentAt: new Date(now) }, now)).toBe(false);
  });
});
