import { ConfigService } from '@nestjs/config';
import { contextServiceEnvSchema, validateEnv, type ContextServiceEnv } from '@voca/config';
import type { Channel, EventType } from '@voca/contracts';
import { ConversationMessage, databaseSettingsFrom, dataSourceOptions } from '@voca/persistence';
import { CredentialCipher } from '@voca/secrets';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TEST_CREDENTIALS_KEY, testEnv, uniqueVendor } from './test-env.js';

/** The context-service's validated environment as the ConfigService its services take (its own queue prefix). */
export function contextServiceConfig(overrides: Record<string, string> = {}): ConfigService<ContextServiceEnv, true> {
  return new ConfigService<ContextServiceEnv, true>(validateEnv(contextServiceEnvSchema, testEnv(overrides)));
}

/** What a test of one context-service service stands on: its environment and a DataSource on the test database. */
export async function contextServiceParts(
  applicationName: string,
  overrides: Record<string, string> = {},
): Promise<{ env: ContextServiceEnv; config: ConfigService<ContextServiceEnv, true>; db: DataSource }> {
  const env = validateEnv(contextServiceEnvSchema, testEnv(overrides));
  const db = await new DataSource(dataSourceOptions(databaseSettingsFrom(env, applicationName))).initialize();
  return { env, config: new ConfigService<ContextServiceEnv, true>(env), db };
}

/**
 * Rows of conversations, written as the gateway and the context-service write them, under agents of one vendor of
 * the test's own: `remove()` deletes the agents, which takes everything seeded under them (and their events) along.
 */
export class ConversationSeed {
  readonly vendorId = uniqueVendor();
  private readonly agents: string[] = [];
  private readonly cipher = new CredentialCipher(TEST_CREDENTIALS_KEY);

  constructor(private readonly db: DataSource) {}

  async agent(): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO agents (id, vendor_id, name, business_type, status, version)
       VALUES ($1, $2, 'Cozy Comfort Bedding', 'retail', 'active', 1)`,
      [id, this.vendorId],
    );
    this.agents.push(id);
    return id;
  }

  /** A social channel of the agent, with its token sealed as the gateway seals it (none: no credentials stored). */
  async channel(agentId: string, channel: Channel, accountId: string, accessToken?: string): Promise<void> {
    const sealed = accessToken ? this.cipher.encrypt({ access_token: accessToken }, { agentId, channel }) : null;
    await this.db.query(
      `INSERT INTO agent_channels (agent_id, channel, status, external_account_id, credentials_ciphertext)
       VALUES ($1, $2, 'active', $3, $4)`,
      [agentId, channel, accountId, sealed],
    );
  }

  /** A customer known on one channel, as resolveCustomer leaves one first seen there. */
  async customer(
    agentId: string,
    channel: Channel,
    externalId: string,
    name = 'Ada',
  ): Promise<{ customerId: string; identityId: string }> {
    const customerId = randomUUID();
    const identityId = randomUUID();
    await this.db.query(`INSERT INTO customers (id, agent_id, display_name) VALUES ($1, $2, $3)`, [
      customerId,
      agentId,
      name,
    ]);
    await this.db.query(
      `INSERT INTO customer_identities (id, agent_id, customer_id, first_customer_id, channel, external_id, display_name)
       VALUES ($1, $2, $3, $3, $4, $5, $6)`,
      [identityId, agentId, customerId, channel, externalId, name],
    );
    return { customerId, identityId };
  }

  /** A message of a conversation; its arrival is taken in call order, as the webhooks record messages. */
  async message(
    fields: Pick<
      ConversationMessage,
      'agentId' | 'channel' | 'direction' | 'businessAccountId' | 'counterpartId' | 'text' | 'status'
    > &
      Partial<ConversationMessage>,
  ): Promise<ConversationMessage> {
    const repository = this.db.getRepository(ConversationMessage);
    const platformMessageId = fields.direction === 'inbound' ? `test.${randomUUID()}` : null;
    const { id } = await repository.save(repository.create({ platformMessageId, ...fields }));
    return repository.findOneByOrFail({ id });
  }

  /** An endpoint of the vendor's backend for these event types: without one, recordEvent records nothing. */
  async eventEndpoint(eventTypes: EventType[]): Promise<void> {
    // Nothing is posted there: an engine delivering events (a few e2e files) cannot open an unsealed secret and
    // leaves these deliveries alone; they go with the agents in remove().
    await this.db.query(
      `INSERT INTO event_endpoints (vendor_id, url, event_types, secret_ciphertext, created_by)
       VALUES ($1, 'https://backend.invalid/events', $2, 'unsealed', 'test')`,
      [this.vendorId, eventTypes],
    );
  }

  async remove(): Promise<void> {
    await this.db.query(`DELETE FROM agents WHERE id = ANY($1)`, [this.agents]);
    await this.db.query(`DELETE FROM event_endpoints WHERE vendor_id = $1`, [this.vendorId]);
  }
}
