import { Customer, CustomerIdentity, type ConversationMessage } from '@voca/persistence';
import type { EntityManager } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/**
 * Ties an inbound message's sender to the agent's customer. A sender seen before keeps its customer; a new sender
 * whose E.164 number another identity of the agent already has (WhatsApp, a call, an SMS) joins that customer; any
 * other new sender becomes a new customer.
 */
export async function resolveCustomer(tx: EntityManager, message: ConversationMessage): Promise<CustomerIdentity> {
  const key = { agentId: message.agentId, channel: message.channel, externalId: message.counterpartId };
  const known = await tx.findOneBy(CustomerIdentity, key);
  if (known) return refresh(tx, known, message);

  const samePhone = message.counterpartPhone
    ? await tx.findOne(CustomerIdentity, {
        where: { agentId: message.agentId, phoneE164: message.counterpartPhone },
        order: { createdAt: 'ASC' },
      })
    : null;
  const customerId =
    samePhone?.customerId ??
    (
      await tx.save(Customer, {
        agentId: message.agentId,
        displayName: message.counterpartName,
        phoneE164: message.counterpartPhone,
      })
    ).id;
  try {
    return await tx.save(CustomerIdentity, {
      ...key,
      customerId,
      firstCustomerId: customerId,
      phoneE164: message.counterpartPhone,
      displayName: message.counterpartName,
      linked: samePhone ? ('phone' as const) : ('first_seen' as const),
    });
  } catch (error) {
    // The same sender's other message created the identity meanwhile: use that one.
    if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION) throw error;
    return tx.findOneByOrFail(CustomerIdentity, key);
  }
}

async function refresh(
  tx: EntityManager,
  identity: CustomerIdentity,
  message: ConversationMessage,
): Promise<CustomerIdentity> {
  if (message.counterpartName && message.counterpartName !== identity.displayName) {
    await tx.update(CustomerIdentity, { id: identity.id }, { displayName: message.counterpartName });
    identity.displayName = message.counterpartName;
  }
  return identity;
}
