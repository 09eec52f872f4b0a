import type { EntityManager } from 'typeorm';
import { ConversationMessage } from '../entities/conversation-message.entity.js';
import { CustomerIdentity } from '../entities/customer-identity.entity.js';

/*
 * How a person at the backend changes which customer an identity belongs to (the gateway's customer routes); the
 * tables are context-service's, which ties identities to customers as messages arrive.
 */

/** Moves the identity, and every message it sent or received, to `customerId`, in the caller's transaction. */
export async function moveIdentity(
  tx: EntityManager,
  identityId: string,
  customerId: string,
  linked: CustomerIdentity['linked'],
): Promise<void> {
  await tx.update(CustomerIdentity, { id: identityId }, { customerId, linked });
  await tx.update(ConversationMessage, { identityId }, { customerId });
}

/** A person confirms a link the engine made by phone number (a caller ID proves nothing alone). */
export async function confirmIdentityLink(tx: EntityManager, identityId: string): Promise<void> {
  await tx.update(CustomerIdentity, { id: identityId }, { linked: 'explicit' });
}
