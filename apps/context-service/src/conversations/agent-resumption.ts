import { Inject, Injectable, Logger } from '@nestjs/common';
import { adapterOf } from '@voca/channels';
import { isSocialChannel } from '@voca/contracts';
import type { ConversationMessage } from '@voca/persistence';
import { HeldMessageStore, type HeldMessages } from './held-messages.js';
import { TurnScheduler } from './turn-scheduler.js';

/** Whether the platform still lets the agent answer a message that waited: within its reply window, if it has one. */
export function stillAnswerable(message: Pick<ConversationMessage, 'channel' | 'sentAt'>, now: number): boolean {
  // A call (or an SMS turn) that waited is over: nobody is on the line for the answer.
  if (!isSocialChannel(message.channel)) return false;
  const window = adapterOf(message.channel).replyWindowMs;
  if (window === undefined) return true;
  return message.sentAt !== null && now - message.sentAt.getTime() < window;
}

const FOLLOW_UP = 'the agent was not answering, and the platform no longer lets it reply';

/**
 * After a pause: the messages that came in are answered, in order, if their platform still lets the agent reply
 * (within the 24-hour window on Meta's channels); the others (calls long over, expired windows) go to a person.
 */
@Injectable()
export class AgentResumption {
  private readonly logger = new Logger(AgentResumption.name);

  constructor(
    @Inject(HeldMessageStore) private readonly held: HeldMessages,
    @Inject(TurnScheduler) private readonly turns: Pick<TurnScheduler, 'startNext'>,
  ) {}

  async resume(agentId: string, requestId?: string): Promise<{ queued: number; followUp: number }> {
    const messages = await this.held.heldInbound(agentId);
    const customers = new Set<string>();
    let followUp = 0;
    for (const message of messages) {
      const answerable = stillAnswerable(message, Date.now());
      await this.held.release(message, answerable ? 'queued' : { followUp: FOLLOW_UP });
      if (answerable && message.customerId) customers.add(message.customerId);
      else followUp += 1;
    }
    for (const customerId of customers) await this.turns.startNext(customerId, requestId);
    this.logger.log({ agentId, answered: messages.length - followUp, followUp }, 'agent resumed');
    return { queued: messages.length - followUp, followUp };
  }
}
