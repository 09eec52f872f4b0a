import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConversationMessages, type ConversationMessage } from '@voca/persistence';
import { DataSource } from 'typeorm';
import { handToPerson } from './hand-to-person.js';

/** The messages an agent held while it was not answering, and their release. */
export interface HeldMessages {
  heldInbound(agentId: string): Promise<ConversationMessage[]>;
  /** To be answered, or to a person with the reason; false when the message was no longer held. */
  release(message: ConversationMessage, to: 'queued' | { followUp: string }): Promise<boolean>;
}

/** HeldMessages on Postgres: a message goes to a person in the transaction that lets it go. */
@Injectable()
export class HeldMessageStore implements HeldMessages {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  heldInbound(agentId: string): Promise<ConversationMessage[]> {
    return new ConversationMessages(this.db.manager).heldInbound(agentId);
  }

  release(message: ConversationMessage, to: 'queued' | { followUp: string }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const released = await new ConversationMessages(tx).releaseHeld(message.id, to === 'queued' ? to : 'follow_up');
      if (released && to !== 'queued') {
        await handToPerson(tx, 'message.follow_up', message, { reason: to.followUp, status: 'follow_up' });
      }
      return released;
    });
  }
}
