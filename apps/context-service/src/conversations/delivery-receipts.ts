import { Inject, Injectable } from '@nestjs/common';
import type { DeliveryStatusEvent } from '@voca/contracts';
import { ConversationMessages } from '@voca/persistence';

/** Attempts (1, 2, 4, 8, 16 s apart: about half a minute) a delivery status waits for its send to be recorded. */
export const STATUS_WAITS_FOR_SEND = 5;

/** What the receipts read and write of the conversation messages. */
export type ReceiptStore = Pick<ConversationMessages, 'sentReply' | 'advanceDelivery'>;

/**
 * Applies the platforms' delivery receipts (sent, delivered, read, failed) to the replies the engine sent: a state
 * only moves forward, and a receipt that overtook the record of its own send waits for it a few attempts.
 */
@Injectable()
export class DeliveryReceipts {
  constructor(@Inject(ConversationMessages) private readonly messages: ReceiptStore) {}

  /** `attempt`: how many times this receipt was tried before (0 the first time). */
  async apply(event: DeliveryStatusEvent, attempt: number): Promise<{ applied: boolean }> {
    const reply = await this.messages.sentReply(event.channel, event.platformMessageId);
    if (!reply) {
      // The platform answers the send, then reports delivery, sometimes before the send is recorded: wait for it a
      // few times; a status of a message the engine never sent is dropped.
      if (attempt < STATUS_WAITS_FOR_SEND) throw new Error(`no reply ${event.platformMessageId} recorded yet`);
      return { applied: false };
    }
    return { applied: await this.messages.advanceDelivery(reply.id, event.status, event.error) };
  }
}
