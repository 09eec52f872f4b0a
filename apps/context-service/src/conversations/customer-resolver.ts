import type { ConversationMessage, CustomerIdentities, CustomerIdentity } from '@voca/persistence';

/** What tying a sender to a customer reads and writes. */
export type IdentityStore = Pick<CustomerIdentities, 'of' | 'firstWithPhone' | 'newCustomer' | 'add' | 'rename'>;

/**
 * Ties an inbound message's sender to the agent's customer. A sender seen before keeps its customer (and the name it
 * now shows); a new sender whose E.164 number another identity of the agent already has (WhatsApp, a call, an SMS)
 * joins that customer; any other new sender becomes a new customer.
 */
export async function resolveCustomer(
  identities: IdentityStore,
  message: Pick<ConversationMessage, 'agentId' | 'channel' | 'counterpartId' | 'counterpartName' | 'counterpartPhone'>,
): Promise<CustomerIdentity> {
  const key = { agentId: message.agentId, channel: message.channel, externalId: message.counterpartId };
  const known = await identities.of(key);
  if (known) {
    if (message.counterpartName && message.counterpartName !== known.displayName) {
      await identities.rename(known.id, message.counterpartName);
      known.displayName = message.counterpartName;
    }
    return known;
  }
  const samePhone = message.counterpartPhone
    ? await identities.firstWithPhone(message.agentId, message.counterpartPhone)
    : null;
  const customerId =
    samePhone?.customerId ??
    (await identities.newCustomer({
      agentId: message.agentId,
      displayName: message.counterpartName,
      phoneE164: message.counterpartPhone,
    }));
  return identities.add({
    ...key,
    customerId,
    phoneE164: message.counterpartPhone,
    displayName: message.counterpartName,
    linked: samePhone ? 'phone' : 'first_seen',
  });
}
