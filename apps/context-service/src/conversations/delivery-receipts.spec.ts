import type { DeliveryStatusEvent } from '@voca/contracts';
import { statesBefore, type ConversationMessage } from '@voca/persistence';
import { describe, expect, it } from 'vitest';
import { DeliveryReceipts, STATUS_WAITS_FOR_SEND, type ReceiptStore } from './delivery-receipts.js';

/** The replies the engine sent, in memory: what ConversationMessages holds, with its forward-only rule. */
class FakeReplies implements ReceiptStore {
  readonly replies = new Map<
    string,
    Pick<ConversationMessage, 'id' | 'channel' | 'platformMessageId' | 'status' | 'error'>
  >();

  add(id: string, platformMessageId: string, status: ConversationMessage['status']) {
    this.replies.set(id, { id, channel: 'whatsapp', platformMessageId, status, error: null });
  }

  async sentReply(channel: string, platformMessageId: string) {
    const found = [...this.replies.values()].find(
      (reply) => reply.channel === channel && reply.platformMessageId === platformMessageId,
    );
    return (found as ConversationMessage | undefined) ?? null;
  }

  async advanceDelivery(id: string, status: DeliveryStatusEvent['status'], error?: string) {
    const reply = this.replies.get(id)!;
    if (!statesBefore(status).includes(reply.status)) return false;
    reply.status = status;
    reply.error = error ?? null;
    return true;
  }
}

const receipt = (platformMessageId: string, status: DeliveryStatusEvent['status'], error?: string) =>
  ({
    kind: 'status',
    channel: 'whatsapp',
    businessAccountId: '106540352242922',
    platformMessageId,
    status,
    ...(error ? { error } : {}),
    at: '2026-12-07T10:00:00.000Z',
  }) as DeliveryStatusEvent;

describe('delivery receipts', () => {
  it('move a reply forward, never back, whatever order they arrive in', async () => {
    const store = new FakeReplies();
    store.add('r1', 'wamid.1', 'sent');
    const receipts = new DeliveryReceipts(store);
    expect(await receipts.apply(receipt('wamid.1', 'read'), 0)).toEqual({ applied: true });
    expect(await receipts.apply(receipt('wamid.1', 'delivered'), 0)).toEqual({ applied: false });
    expect(store.replies.get('r1')!.status).toBe('read');
  });

  it("record a failure with the platform's reason, which a later receipt of delivery overrides", async () => {
    const store = new FakeReplies();
    store.add('r2', 'wamid.2', 'sent');
    const receipts = new DeliveryReceipts(store);
    await receipts.apply(receipt('wamid.2', 'failed', 'Message undeliverable (131026)'), 0);
    expect(store.replies.get('r2')).toMatchObject({ status: 'failed', error: 'Message undeliverable (131026)' });
    await receipts.apply(receipt('wamid.2', 'delivered'), 0);
    expect(store.replies.get('r2')).toMatchObject({ status: 'delivered', error: null });
    // Nothing fails a reply that was read.
    await receipts.apply(receipt('wamid.2', 'read'), 0);
    expect(await receipts.apply(receipt('wamid.2', 'failed', 'late'), 0)).toEqual({ applied: false });
  });

  it('wait a few attempts for a send not recorded yet, then drop a receipt of a message the engine never sent', async () => {
    const receipts = new DeliveryReceipts(new FakeReplies());
    for (let attempt = 0; attempt < STATUS_WAITS_FOR_SEND; attempt += 1) {
      await expect(receipts.apply(receipt('wamid.unknown', 'delivered'), attempt)).rejects.toThrow(
        'no reply wamid.unknown recorded yet',
      );
    }
    expect(await receipts.apply(receipt('wamid.unknown', 'delivered'), STATUS_WAITS_FOR_SEND)).toEqual({
      applied: false,
    });
  });
});
