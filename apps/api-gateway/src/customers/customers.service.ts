import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, HttpStatus, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { forgetJobId, QueueName, type CustomerForgetJobData, type ToolCallView } from '@voca/contracts';
import {
  Agent,
  confirmIdentityLink,
  ConversationMessage,
  Customer,
  customerRecord,
  CustomerIdentity,
  eraseCustomer,
  moveIdentity,
} from '@voca/persistence';
import { enqueueOrLeave, JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { offsetPage } from '../http/offset-page.js';
import { RetryLaterException } from '../http/retry-later.exception.js';
import type {
  ConversationPageView,
  CustomerContextView,
  CustomerErasedView,
  CustomerExportView,
  TurnView,
} from './customer.views.js';
import { recentToolCalls, toolCallsByTurn } from './tool-call-views.js';

const CONTEXT_TURNS = 50;

function turnOf(
  message: Pick<ConversationMessage, 'direction' | 'channel' | 'text' | 'media' | 'status' | 'sentAt' | 'createdAt'> &
    Partial<Pick<ConversationMessage, 'citations'>>,
  toolCalls?: ToolCallView[],
): TurnView {
  return {
    role: message.direction === 'inbound' ? 'customer' : 'agent',
    channel: message.channel,
    text: message.text,
    ...(message.media ? { media: message.media } : {}),
    status: message.status,
    ...(message.citations ? { citations: message.citations } : {}),
    ...(toolCalls?.length ? { tool_calls: toolCalls } : {}),
    at: (message.sentAt ?? message.createdAt).toISOString(),
  };
}

/** The ids of the customer's messages among these: the turns that may have called tools. */
const inboundIds = (messages: Pick<ConversationMessage, 'id' | 'direction'>[]) =>
  messages.filter((message) => message.direction === 'inbound').map((message) => message.id);

/** One customer of the conversation list, with its last message. */
type ConversationRow = Pick<ConversationMessage, 'id' | 'direction' | 'channel' | 'text' | 'media' | 'status'> & {
  customer_id: string;
  display_name: string | null;
  channels: ConversationMessage['channel'][];
  messages: number;
  sent_at: Date | null;
  created_at: Date;
};

/** Customers and their cross-channel conversations, as the backend reads, curates, exports and erases them. */
@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Context) private readonly contextQueue: Queue<CustomerForgetJobData>,
  ) {}

  /** Everything the engine's record holds of the customer (the right of access), as stored. */
  async export(agentId: string, customerId: string, principal: Principal): Promise<CustomerExportView> {
    await this.visibleAgent(agentId, principal);
    const record = await this.db.transaction('REPEATABLE READ', (tx) => customerRecord(tx, agentId, customerId));
    if (!record) throw new NotFoundException(`customer ${customerId} not found`);
    return { ...record, exported_at: new Date().toISOString() };
  }

  /**
   * Erases the customer (the right to be forgotten): the record at once, in one transaction, with an audit line and a
   * `customer.erased` event without personal data; their queued jobs and ElizaOS's memory of them right after
   * (`customer.forget`, queued again by the reconciler if Redis is away). 409 while one of their messages is being
   * answered.
   */
  async erase(
    agentId: string,
    customerId: string,
    principal: Principal,
    requestId: string,
  ): Promise<CustomerErasedView> {
    await this.visibleAgent(agentId, principal);
    const erased = await this.db.transaction((tx) =>
      eraseCustomer(tx, { agentId, customerId, actor: actorOf(principal), requestId }),
    );
    if (erased === 'not_found') throw new NotFoundException(`customer ${customerId} not found`);
    if (erased === 'answering') {
      throw new RetryLaterException(
        "one of the customer's messages is being answered right now; erase them again in a few seconds",
        5,
        HttpStatus.CONFLICT,
      );
    }
    await enqueueOrLeave(
      () =>
        this.contextQueue.add(
          'customer.forget',
          { erasureId: erased.erasureId, requestId },
          { ...JOB_PRESETS.erasure, jobId: forgetJobId(erased.erasureId) },
        ),
      this.logger,
      { erasureId: erased.erasureId },
      'forgetting the erased customer outside the record not queued yet; the reconciler will',
    );
    return { customer_id: customerId, agent_id: agentId, erased: erased.counts, traces: 'pending' };
  }

  async context(agentId: string, customerId: string, principal: Principal): Promise<CustomerContextView> {
    await this.visibleAgent(agentId, principal);
    return this.contextOf(this.db.manager, await this.customerOf(this.db.manager, agentId, customerId));
  }

  async conversations(
    agentId: string,
    principal: Principal,
    skip: number,
    limit: number,
  ): Promise<ConversationPageView> {
    await this.visibleAgent(agentId, principal);
    const [{ total }] = await this.db.query(
      `SELECT count(DISTINCT customer_id)::int AS total FROM conversation_messages WHERE agent_id = $1 AND customer_id IS NOT NULL`,
      [agentId],
    );
    const rows: ConversationRow[] = await this.db.query(
      `SELECT c.id AS customer_id, c.display_name, s.channels, s.messages,
              m.id, m.direction, m.channel, m.text, m.media, m.status, m.sent_at, m.created_at
         FROM (SELECT customer_id, array_agg(DISTINCT channel) AS channels, count(*)::int AS messages, max(arrival) AS last
                 FROM conversation_messages WHERE agent_id = $1 AND customer_id IS NOT NULL GROUP BY customer_id) s
         JOIN customers c ON c.id = s.customer_id
         JOIN conversation_messages m ON m.arrival = s.last
        ORDER BY s.last DESC OFFSET $2 LIMIT $3`,
      [agentId, skip, limit],
    );
    const toolCalls = await toolCallsByTurn(this.db.manager, inboundIds(rows));
    const items = rows.map((row) => ({
      customer_id: row.customer_id,
      ...(row.display_name ? { display_name: row.display_name } : {}),
      channels: row.channels,
      messages: row.messages,
      last: turnOf({ ...row, sentAt: row.sent_at, createdAt: row.created_at }, toolCalls.get(row.id)),
    }));
    return offsetPage(items, total, { skip, limit });
  }

  /** Moves another customer's identity (and its messages) into this customer. */
  async link(
    agentId: string,
    customerId: string,
    identityId: string,
    principal: Principal,
  ): Promise<CustomerContextView> {
    await this.visibleAgent(agentId, principal);
    return this.db.transaction(async (tx) => {
      const customer = await this.customerOf(tx, agentId, customerId);
      const identity = await tx.findOneBy(CustomerIdentity, { id: identityId, agentId });
      if (!identity) throw new NotFoundException(`identity ${identityId} not found`);
      // Linking an identity the engine joined by its number confirms that link (a caller ID proves nothing alone).
      if (identity.customerId !== customer.id) await moveIdentity(tx, identity.id, customer.id, 'explicit');
      else if (identity.linked === 'phone') await confirmIdentityLink(tx, identity.id);
      return this.contextOf(tx, customer);
    });
  }

  /** Undoes a link: the identity goes back to the customer it was first seen as. */
  async unlink(
    agentId: string,
    customerId: string,
    identityId: string,
    principal: Principal,
  ): Promise<CustomerContextView> {
    await this.visibleAgent(agentId, principal);
    return this.db.transaction(async (tx) => {
      const customer = await this.customerOf(tx, agentId, customerId);
      const identity = await tx.findOneBy(CustomerIdentity, { id: identityId, agentId, customerId: customer.id });
      if (!identity) throw new NotFoundException(`identity ${identityId} is not linked to customer ${customerId}`);
      if (identity.firstCustomerId === customer.id) {
        throw new ConflictException('this identity was first seen as this customer: there is nothing to undo');
      }
      await moveIdentity(tx, identity.id, identity.firstCustomerId, 'first_seen');
      return this.contextOf(tx, customer);
    });
  }

  private async contextOf(tx: EntityManager, customer: Customer): Promise<CustomerContextView> {
    const identities = await tx.find(CustomerIdentity, {
      where: { customerId: customer.id },
      order: { createdAt: 'ASC' },
    });
    const messages = (
      await tx.find(ConversationMessage, {
        where: { customerId: customer.id },
        order: { arrival: 'DESC' },
        take: CONTEXT_TURNS,
      })
    )
      .reverse()
      .filter((message) => message.text !== '' || message.media !== null);
    const toolCalls = await toolCallsByTurn(tx, inboundIds(messages));
    const recent = await recentToolCalls(tx, customer.id);
    return {
      customer_id: customer.id,
      agent_id: customer.agentId,
      ...(customer.displayName ? { display_name: customer.displayName } : {}),
      ...(customer.phoneE164 ? { phone: customer.phoneE164 } : {}),
      identities: identities.map((identity) => ({
        id: identity.id,
        channel: identity.channel,
        external_id: identity.externalId,
        ...(identity.phoneE164 ? { phone: identity.phoneE164 } : {}),
        linked: identity.linked,
      })),
      turns: messages.map((message) => turnOf(message, toolCalls.get(message.id))),
      ...(recent.length ? { recent_tool_calls: recent } : {}),
    };
  }

  private async customerOf(tx: EntityManager, agentId: string, customerId: string): Promise<Customer> {
    const customer = await tx.findOneBy(Customer, { id: customerId, agentId });
    if (!customer) throw new NotFoundException(`customer ${customerId} not found`);
    return customer;
  }

  private async visibleAgent(agentId: string, principal: Principal): Promise<void> {
    const agent = await this.db.getRepository(Agent).findOneBy({ id: agentId });
    if (!agent || !canSee(principal, agent.vendorId)) throw new NotFoundException(`agent ${agentId} not found`);
  }
}
