import type { EntityManager } from 'typeorm';
import { Customer } from '../entities/customer.entity.js';
import { CustomerIdentity } from '../entities/customer-identity.entity.js';

const UNIQUE_VIOLATION = '23505';

/** Who a sender is on one channel of one agent: what identifies a CustomerIdentity. */
export interface IdentityKey {
  agentId: string;
  channel: CustomerIdentity['channel'];
  externalId: string;
}

/** An identity about to be recorded, for the customer it joins. */
export type NewIdentity = IdentityKey & Pick<CustomerIdentity, 'customerId' | 'phoneE164' | 'displayName' | 'linked'>;

/**
 * The customers and their identities as the context-service (their owner) reads and writes them when it ties a
 * message to its sender: each statement named by what it does. Pass a transaction's EntityManager to work within it.
 */
export class CustomerIdentities {
  constructor(private readonly db: EntityManager) {}

  of(key: IdentityKey): Promise<CustomerIdentity | null> {
    return this.db.findOneBy(CustomerIdentity, key);
  }

  /** The agent's first identity with this E.164 number (WhatsApp, a call, an SMS), whose customer it is. */
  firstWithPhone(agentId: string, phoneE164: string): Promise<CustomerIdentity | null> {
    return this.db.findOne(CustomerIdentity, { where: { agentId, phoneE164 }, order: { createdAt: 'ASC' } });
  }

  /** Records a new customer of the agent; returns its id. */
  async newCustomer(customer: Pick<Customer, 'agentId' | 'displayName' | 'phoneE164'>): Promise<string> {
    return (await this.db.save(Customer, customer)).id;
  }

  /**
   * Records the identity; when another message of the same sender recorded it meanwhile (the key is unique), that one
   * is returned instead.
   */
  async add(identity: NewIdentity): Promise<CustomerIdentity> {
    try {
      return await this.db.save(CustomerIdentity, { ...identity, firstCustomerId: identity.customerId });
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code !== UNIQUE_VIOLATION) throw error;
      const { agentId, channel, externalId } = identity;
      return this.db.findOneByOrFail(CustomerIdentity, { agentId, channel, externalId });
    }
  }

  async rename(identityId: string, displayName: string): Promise<void> {
    await this.db.update(CustomerIdentity, { id: identityId }, { displayName });
  }
}
