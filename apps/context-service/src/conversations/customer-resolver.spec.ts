import type { CustomerIdentity, IdentityKey, NewIdentity } from '@voca/persistence';
import { describe, expect, it } from 'vitest';
import { resolveCustomer, type IdentityStore } from './customer-resolver.js';

/** The agent's customers and identities in memory: what CustomerIdentities keeps in Postgres, its unique key too. */
class FakeIdentities implements IdentityStore {
  readonly identities: CustomerIdentity[] = [];
  readonly customers: { id: string; displayName: string | null }[] = [];
  /** Another message of the same sender records its identity first, as a concurrent turn would. */
  racing?: NewIdentity;

  async of(key: IdentityKey) {
    return this.identities.find((i) => sameKey(i, key)) ?? null;
  }

  async firstWithPhone(agentId: string, phoneE164: string) {
    return this.identities.find((i) => i.agentId === agentId && i.phoneE164 === phoneE164) ?? null;
  }

  async newCustomer(customer: { displayName: string | null }) {
    const id = `c${this.customers.length + 1}`;
    this.customers.push({ id, displayName: customer.displayName });
    return id;
  }

  async add(identity: NewIdentity) {
    if (this.racing) {
      this.store(this.racing);
      this.racing = undefined;
    }
    return this.identities.find((i) => sameKey(i, identity)) ?? this.store(identity);
  }

  async rename(identityId: string, displayName: string) {
    this.identities.find((i) => i.id === identityId)!.displayName = displayName;
  }

  private store(identity: NewIdentity): CustomerIdentity {
    const stored = { ...identity, id: `i${this.identities.length + 1}`, firstCustomerId: identity.customerId };
    this.identities.push(stored as CustomerIdentity);
    return stored as CustomerIdentity;
  }
}

const sameKey = (a: IdentityKey, b: IdentityKey) =>
  a.agentId === b.agentId && a.channel === b.channel && a.externalId === b.externalId;

const message = (channel: CustomerIdentity['channel'], counterpartId: string, phone: string | null, name?: string) => ({
  agentId: 'a1',
  channel,
  counterpartId,
  counterpartName: name ?? null,
  counterpartPhone: phone,
});

describe('tying a sender to a customer', () => {
  it('makes a new sender a new customer, first seen', async () => {
    const store = new FakeIdentities();
    const identity = await resolveCustomer(store, message('telegram', '5512345678', null, 'Amara'));
    expect(identity).toMatchObject({ customerId: 'c1', linked: 'first_seen', displayName: 'Amara' });
    expect(store.customers).toEqual([{ id: 'c1', displayName: 'Amara' }]);
  });

  it("joins a caller to the customer whose WhatsApp has the caller's number", async () => {
    const store = new FakeIdentities();
    const chat = await resolveCustomer(store, message('whatsapp', '15551234567', '+15551234567', 'Ann Lee'));
    const call = await resolveCustomer(store, message('voice', '+15551234567', '+15551234567'));
    expect(call).toMatchObject({ customerId: chat.customerId, linked: 'phone' });
    expect(store.customers).toHaveLength(1);
  });

  it('keeps a known sender with its customer, and the name it now shows', async () => {
    const store = new FakeIdentities();
    const first = await resolveCustomer(store, message('twitter', '2244994945', null, 'Dana'));
    const again = await resolveCustomer(store, message('twitter', '2244994945', null, 'Dana R.'));
    expect(again).toMatchObject({ id: first.id, customerId: first.customerId, displayName: 'Dana R.' });
  });

  it('takes the identity another message of the same sender recorded meanwhile', async () => {
    const store = new FakeIdentities();
    store.racing = {
      agentId: 'a1',
      channel: 'facebook',
      externalId: 'psid-1',
      customerId: 'c-other',
      phoneE164: null,
      displayName: null,
      linked: 'first_seen',
    };
    const identity = await resolveCustomer(store, message('facebook', 'psid-1', null));
    expect(identity.customerId).toBe('c-other');
    expect(store.identities).toHaveLength(1);
  });
});
