import { InjectQueue } from '@nestjs/bullmq';
import { ConflictException, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isSocialChannel,
  personReplyJobId,
  QueueName,
  type HandoffMessageView,
  type HandoffPageView,
  type HandoffReplyView,
  type HandoffView,
  type PersonReplyJobData,
} from '@voca/contracts';
import {
  ConversationMessage,
  Customer,
  failUnqueuedReply,
  Handoff,
  recordEvent,
  recordPersonReply,
  resolveHandoff,
} from '@voca/persistence';
import { JOB_PRESETS } from '@voca/queue';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { actorOf } from '../auth/actor.js';
import type { Principal } from '../auth/principal.js';
import { canSee } from '../auth/vendor-scope.js';
import { toolCallsByTurn } from '../customers/tool-call-views.js';
import { cursorPage } from '../http/cursor-page.js';
import type { ListHandoffsQuery } from './list-handoffs.query.js';
import { DEFAULT_PAGE } from '../http/page-limit.query.js';

/** Messages of the conversation shown with a hand-off. */
const MESSAGES_SHOWN = 10;

/**
 * The hand-off inbox: conversations waiting for a person, across agents; a person's reply, sent on the customer's
 * channel like the agent's (at most once, within the platform's reply window); and handing the conversation back.
 */
@Injectable()
export class Handoffs {
  private readonly logger = new Logger(Handoffs.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QueueName.Conversations) private readonly conversations: Queue<PersonReplyJobData>,
  ) {}

  async list(principal: Principal, query: ListHandoffsQuery): Promise<HandoffPageView> {
    if (query.vendor_id !== undefined && !canSee(principal, query.vendor_id))
      throw new NotFoundException(`vendor ${query.vendor_id} not found`);
    const limit = query.limit ?? DEFAULT_PAGE;
    const builder = this.db
      .getRepository(Handoff)
      .createQueryBuilder('h')
      .where('h.state = :state', { state: query.state ?? 'open' })
      .orderBy('h.opened_at', 'ASC')
      .addOrderBy('h.id', 'ASC')
      .limit(limit + 1);
    const vendorId = principal.kind === 'vendor' ? principal.vendorId : query.vendor_id;
    if (vendorId !== undefined) builder.andWhere('h.vendor_id = :vendorId', { vendorId });
    if (query.agent_id) builder.andWhere('h.agent_id = :agentId', { agentId: query.agent_id });
    if (query.channel) builder.andWhere('h.channel = :channel', { channel: query.channel });
    if (query.after)
      builder.andWhere('(h.opened_at, h.id) > (SELECT opened_at, id FROM handoffs WHERE id = :after)', {
        after: query.after,
      });
    const page = cursorPage(await builder.getMany(), limit, (handoff) => handoff.id);
    const items = await Promise.all(page.items.map((handoff) => this.viewOf(this.db.manager, handoff)));
    return { ...page, items: await withToolCalls(this.db.manager, items) };
  }

  async get(id: string, principal: Principal): Promise<HandoffView> {
    const view = await this.viewOf(this.db.manager, await this.visible(this.db.manager, id, principal));
    return (await withToolCalls(this.db.manager, [view]))[0]!;
  }

  async reply(id: string, principal: Principal, text: string, requestId: string): Promise<HandoffReplyView> {
    const { reply, inbound } = await this.db.transaction(async (tx) => {
      const handoff = await this.visible(tx, id, principal, true);
      if (handoff.state !== 'open')
        throw new ConflictException(`hand-off ${id} is resolved: the agent answers this customer again`);
      if (!isSocialChannel(handoff.channel)) {
        throw new ConflictException(
          `a ${handoff.channel} conversation is answered by calling the customer, not through the API`,
        );
      }
      const inbound = await tx.findOne(ConversationMessage, {
        where: { customerId: handoff.customerId, channel: handoff.channel, direction: 'inbound' },
        order: { arrival: 'DESC' },
      });
      if (!inbound) throw new ConflictException(`the customer has no ${handoff.channel} message to answer`);
      const author = actorOf(principal);
      const reply = await recordPersonReply(tx, handoff, inbound, text, author);
      await recordEvent(tx, {
        type: 'conversation.person_replied',
        agentId: handoff.agentId,
        data: {
          handoff_id: handoff.id,
          customer_id: handoff.customerId,
          channel: handoff.channel,
          message_id: reply.id,
          text,
          author,
        },
      });
      return { reply, inbound };
    });
    try {
      await this.conversations.add(
        'conversation.person_reply',
        { replyMessageId: reply.id, inboundMessageId: inbound.id, requestId },
        { ...JOB_PRESETS.delivery, jobId: personReplyJobId(reply.id) },
      );
    } catch (error) {
      // Not queued, so never sent: the person is told to send it again rather than left believing it went out.
      this.logger.warn({ handoffId: id, err: error }, 'person reply not queued');
      await failUnqueuedReply(this.db.manager, reply.id);
      throw new ServiceUnavailableException('the reply could not be queued; send it again shortly');
    }
    return { handoff_id: id, message_id: reply.id, channel: reply.channel, status: reply.status };
  }

  /** Hands the conversation back to the agent; resolving a resolved hand-off changes nothing. */
  async resolve(id: string, principal: Principal): Promise<HandoffView> {
    return this.db.transaction(async (tx) => {
      const handoff = await this.visible(tx, id, principal, true);
      if (handoff.state === 'open') {
        await resolveHandoff(tx, handoff, actorOf(principal));
        await recordEvent(tx, {
          type: 'conversation.resolved',
          agentId: handoff.agentId,
          data: {
            handoff_id: id,
            customer_id: handoff.customerId,
            channel: handoff.channel,
            resolved_by: handoff.resolvedBy,
          },
        });
      }
      return (await withToolCalls(tx, [await this.viewOf(tx, handoff)]))[0]!;
    });
  }

  private async visible(manager: EntityManager, id: string, principal: Principal, lock = false): Promise<Handoff> {
    const handoff = await manager.findOne(Handoff, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!handoff || !canSee(principal, handoff.vendorId)) throw new NotFoundException(`hand-off ${id} not found`);
    return handoff;
  }

  private async viewOf(manager: EntityManager, handoff: Handoff): Promise<HandoffView> {
    const [customer, messages] = await Promise.all([
      manager.findOneBy(Customer, { id: handoff.customerId }),
      manager.find(ConversationMessage, {
        where: { customerId: handoff.customerId },
        order: { arrival: 'DESC' },
        take: MESSAGES_SHOWN,
      }),
    ]);
    const view: HandoffView = {
      id: handoff.id,
      agent_id: handoff.agentId,
      vendor_id: handoff.vendorId,
      customer_id: handoff.customerId,
      channel: handoff.channel,
      state: handoff.state,
      kind: handoff.kind,
      reason: handoff.reason,
      opened_at: handoff.openedAt.toISOString(),
      resolved_at: handoff.resolvedAt?.toISOString() ?? null,
      resolved_by: handoff.resolvedBy,
      messages: messages.reverse().map(messageView),
    };
    if (customer?.displayName) view.customer_name = customer.displayName;
    return view;
  }
}

/** The tool calls of the customer's messages shown, under their turns: one query for every hand-off of a page. */
async function withToolCalls(manager: EntityManager, views: HandoffView[]): Promise<HandoffView[]> {
  const asked = views.flatMap((view) => view.messages.filter((m) => m.from === 'customer').map((m) => m.id));
  const toolCalls = await toolCallsByTurn(manager, asked);
  if (toolCalls.size === 0) return views;
  return views.map((view) => ({
    ...view,
    messages: view.messages.map((message) => {
      const calls = toolCalls.get(message.id);
      return calls ? { ...message, tool_calls: calls } : message;
    }),
  }));
}

function messageView(message: ConversationMessage): HandoffMessageView {
  const view: HandoffMessageView = {
    id: message.id,
    from: message.direction === 'inbound' ? 'customer' : message.author ? 'person' : 'agent',
    channel: message.channel,
    text: message.text,
    status: message.status,
    at: (message.sentAt ?? message.createdAt).toISOString(),
  };
  if (message.author) view.author = message.author;
  if (message.citations) view.citations = message.citations;
  return view;
}
