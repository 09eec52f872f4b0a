import { randomUUID } from 'node:crypto';
import {
  citationOf,
  describeMessage,
  NO_ANSWER_REPLY,
  speakable,
  type KnowledgeCitation,
  type KnowledgePassage,
  type BusinessProfile,
  type Channel,
  type InboundMedia,
} from '@voca/contracts';
import { HAND_OFF_ACTION } from '../character/build-character.js';
import type { ElizaCharacter, ElizaContent, ElizaModules, ElizaPlugin, ElizaRuntime } from './eliza-core.js';
import { ElizaDatabase } from './eliza-database.js';
import { localModelPlugin } from './local-model-plugin.js';
import type { ModelCallObserver } from './model-calls.js';
import { openAiModelPlugin, type OpenAiSettings } from './openai-model-plugin.js';
import { supportPlugin } from './support-plugin.js';
import { toolAction } from './tool-actions.js';
import type { TurnConversation, TurnTools } from '@voca/tools';
import { turnContext, type HistoryEntry, type Turn } from './turn-context.js';

export type ModelSettings = { provider: 'local' } | ({ provider: 'openai' } & OpenAiSettings);

export interface RuntimeHostSettings {
  /** Runtimes kept at once; the least recently used is stopped beyond that. */
  maxRuntimes: number;
  dataDir: string;
  model: ModelSettings;
}

/** An agent as the host builds it: its latest stored character and the profile the offline model answers from. */
export interface HostedAgent {
  agentId: string;
  version: number;
  character: ElizaCharacter;
  profile: BusinessProfile;
}

export interface ReplyRequest {
  agentId: string;
  channel: Channel;
  customer: { id: string; name?: string };
  text: string;
  media?: InboundMedia[];
  /** The platform message id, so a retried job is one message to ElizaOS too. */
  messageId?: string;
  history: HistoryEntry[];
  /** When the reply must be ready (a caller on the phone): tool calls end in time for it. */
  replyBy?: Date;
}

export interface ReplyResult {
  text: string;
  handoff: boolean;
  characterVersion: number;
  /** The document chunks the reply was given (an LLM) or answered from (the local model). */
  citations: KnowledgeCitation[];
  /** The tool calls of the turn (made, proposed, declined...), in order. */
  toolCalls: { tool: string; status: string }[];
}

/** The agent's tools for one turn (none: undefined), with the calls they make recorded (the engine's, a port here). */
export type ToolSource = (conversation: TurnConversation) => Promise<TurnTools | undefined>;

/** What a turn searches the agent's documents with. */
export interface KnowledgeQuestion {
  agentId: string;
  /** The agent's language (BCP 47). */
  language: string;
  text: string;
  /** The customer's previous message, for follow-ups ("and in blue?"). */
  previousText?: string;
}

/** Finds the chunks of an agent's documents that answer a message (the engine's retrieval, a port here). */
export type KnowledgeSource = (question: KnowledgeQuestion) => Promise<KnowledgePassage[]>;

export interface RuntimeHostEvents {
  built?(agentId: string, milliseconds: number): void;
  evicted?(agentId: string): void;
  /** Each text-generation call of an agent's model. */
  modelCall?: ModelCallObserver;
}

interface Hosted {
  runtime: ElizaRuntime;
  agent: HostedAgent;
  connectedRooms: Set<string>;
  /** The tools registered as actions of this runtime, by name. */
  toolActions: Set<string>;
}

/**
 * Hosts agents' ElizaOS runtimes in this process. A runtime is built on demand from the agent's stored character on
 * whichever replica gets its work, kept in a bounded LRU, and rebuilt when the character changes. Messages of one
 * conversation are answered one after the other (ElizaOS discards a reply when a newer message of the same room
 * arrives meanwhile).
 */
export class RuntimeHost {
  private readonly hosted = new Map<string, Hosted>();
  private readonly building = new Map<string, Promise<Hosted>>();
  private readonly conversations = new Map<string, Promise<unknown>>();
  private readonly database: ElizaDatabase;
  private readonly plugins: ElizaPlugin[];

  constructor(
    private readonly eliza: ElizaModules,
    private readonly settings: RuntimeHostSettings,
    private readonly loadAgent: (agentId: string) => Promise<HostedAgent>,
    private readonly events: RuntimeHostEvents = {},
    private readonly knowledge?: KnowledgeSource,
    private readonly tools?: ToolSource,
  ) {
    this.database = new ElizaDatabase(eliza, settings.dataDir);
    const models = eliza.core.ModelType;
    const model =
      settings.model.provider === 'openai'
        ? openAiModelPlugin(models, settings.model, events.modelCall)
        : localModelPlugin(models, events.modelCall);
    this.plugins = [eliza.sql.plugin, supportPlugin(eliza.bootstrap), model];
  }

  get size(): number {
    return this.hosted.size;
  }

  hostedAgents(): string[] {
    return [...this.hosted.keys()];
  }

  versionOf(agentId: string): number | undefined {
    return this.hosted.get(agentId)?.agent.version;
  }

  /** Builds the agent's runtime (again) from its latest character and keeps it; returns the character version. */
  async warm(agentId: string): Promise<number> {
    await this.evict(agentId);
    return (await this.runtimeFor(agentId)).agent.version;
  }

  async reply(request: ReplyRequest): Promise<ReplyResult> {
    const key = `${request.agentId}:${request.customer.id}`;
    const previous = this.conversations.get(key) ?? Promise.resolve();
    const answered = previous.catch(() => undefined).then(() => this.answer(request));
    this.conversations.set(key, answered);
    try {
      return await answered;
    } finally {
      if (this.conversations.get(key) === answered) this.conversations.delete(key);
    }
  }

  /** Stops the agent's runtime, unless it already runs `version` or later (a notice about its own build). */
  async evict(agentId: string, unlessVersion?: number): Promise<void> {
    const hosted = this.hosted.get(agentId);
    if (!hosted || (unlessVersion !== undefined && hosted.agent.version >= unlessVersion)) return;
    this.hosted.delete(agentId);
    await hosted.runtime.stop();
    this.events.evicted?.(agentId);
  }

  async close(): Promise<void> {
    for (const agentId of [...this.hosted.keys()]) await this.evict(agentId);
  }

  /** Deletes what this replica's ElizaOS holds of an erased customer: their room, their entity and every memory. */
  async forget(agentId: string, customerId: string): Promise<void> {
    const { roomId, entityId } = this.customerIds(agentId, customerId);
    this.hosted.get(agentId)?.connectedRooms.delete(roomId);
    await this.database.forget([roomId], [entityId]);
  }

  /** Bounds the working memory to the conversations of the last `hours` (ELIZAOS_MEMORY_HOURS); returns rooms gone. */
  async pruneMemory(hours: number): Promise<number> {
    const removed = await this.database.prune(hours);
    for (const hosted of this.hosted.values()) for (const room of removed) hosted.connectedRooms.delete(room);
    return removed.length;
  }

  /** ElizaOS's ids of a customer of an agent: one entity, and one room across channels. */
  private customerIds(agentId: string, customerId: string) {
    const { core } = this.eliza;
    return {
      entityId: core.stringToUuid(`customer:${agentId}:${customerId}`),
      roomId: core.stringToUuid(`conversation:${agentId}:${customerId}`),
    };
  }

  private async answer(request: ReplyRequest): Promise<ReplyResult> {
    const { core } = this.eliza;
    const hosted = await this.runtimeFor(request.agentId);
    const { runtime, agent } = hosted;
    // One room per customer across channels, so ElizaOS's own memory is cross-channel too.
    const { entityId, roomId } = this.customerIds(request.agentId, request.customer.id);
    if (!hosted.connectedRooms.has(roomId)) {
      await runtime.ensureConnection({
        entityId,
        roomId,
        worldId: core.stringToUuid(`business:${request.agentId}`),
        worldName: agent.profile.name,
        source: request.channel,
        type: core.ChannelType.DM,
        channelId: request.customer.id,
        userName: request.customer.name ?? request.customer.id,
        name: request.customer.name ?? 'Customer',
      });
      hosted.connectedRooms.add(roomId);
    }
    const [tools, knowledge] = await Promise.all([this.toolsFor(request, hosted), this.retrieve(request, agent)]);
    const turn: Turn = {
      agentId: request.agentId,
      profile: agent.profile,
      channel: request.channel,
      customerName: request.customer.name,
      text: request.text,
      media: request.media,
      history: request.history,
      knowledge,
      sources: [],
      handoff: false,
      ...(tools ? { tools } : {}),
    };
    await tools?.settleWaiting(request.text);
    let reply: ElizaContent | undefined;
    const messageId = core.stringToUuid(`message:${request.agentId}:${request.messageId ?? randomUUID()}`);
    try {
      await turnContext.run(turn, () =>
        runtime.messageService.handleMessage(
          runtime,
          {
            id: messageId,
            entityId,
            agentId: runtime.agentId,
            roomId,
            content: { text: describeMessage(request.text, request.media), source: request.channel },
          },
          async (content) => {
            if (content.text) reply = content;
            return [];
          },
        ),
      );
    } finally {
      // ElizaOS keeps the state it composed for every message for good: a replica's memory would grow with each one.
      runtime.stateCache.delete(messageId);
      runtime.stateCache.delete(`${messageId}_action_results`);
    }
    // A reply spoken on the phone is read by a voice: no Markdown, emoji or raw addresses.
    const written = reply?.text?.trim();
    const text = written && request.channel === 'voice' ? speakable(written, agent.profile.voice.language) : written;
    return {
      text: text || NO_ANSWER_REPLY,
      handoff: !text || turn.handoff || Boolean(tools?.handoff) || Boolean(reply?.actions?.includes(HAND_OFF_ACTION)),
      characterVersion: agent.version,
      citations: text ? turn.sources.map(citationOf) : [],
      toolCalls: (tools?.outcomes ?? []).map(({ tool, status }) => ({ tool, status })),
    };
  }

  /** The turn's tools, each registered as an action of the agent's runtime the first time it is seen. */
  private async toolsFor(request: ReplyRequest, hosted: Hosted): Promise<TurnTools | undefined> {
    if (!this.tools || !request.messageId) return undefined;
    const tools = await this.tools({
      agentId: request.agentId,
      customerId: request.customer.id,
      channel: request.channel,
      messageId: request.messageId,
      ...(request.replyBy ? { replyBy: request.replyBy } : {}),
    });
    for (const tool of tools?.available ?? []) {
      if (hosted.toolActions.has(tool.name)) continue;
      hosted.runtime.registerAction(toolAction(tool.name));
      hosted.toolActions.add(tool.name);
    }
    return tools;
  }

  /** The agent's document chunks for this message: none for a message without words, or without a source. */
  private async retrieve(request: ReplyRequest, agent: HostedAgent): Promise<KnowledgePassage[]> {
    if (!this.knowledge || !request.text.trim()) return [];
    const previous = [...request.history].reverse().find((entry) => entry.role === 'customer')?.text;
    return this.knowledge({
      agentId: request.agentId,
      language: agent.profile.voice.language ?? 'en',
      text: request.text,
      ...(previous ? { previousText: previous } : {}),
    });
  }

  private async runtimeFor(agentId: string): Promise<Hosted> {
    const hosted = this.hosted.get(agentId);
    if (hosted) {
      // Most recently used last: Map keeps insertion order.
      this.hosted.delete(agentId);
      this.hosted.set(agentId, hosted);
      return hosted;
    }
    let building = this.building.get(agentId);
    if (!building) {
      building = this.build(agentId).finally(() => this.building.delete(agentId));
      this.building.set(agentId, building);
    }
    return building;
  }

  /**
   * Starts this replica's ElizaOS database. Call it before taking work: PGlite's start blocks the event loop for
   * seconds, and a job running meanwhile could not renew its lock.
   */
  prepare(): Promise<void> {
    return this.database.prepare();
  }

  private async build(agentId: string): Promise<Hosted> {
    const started = performance.now();
    await this.database.prepare();
    const agent = await this.loadAgent(agentId);
    const elizaAgentId = agent.character.id ?? this.eliza.core.stringToUuid(agentId);
    const runtime = new this.eliza.core.AgentRuntime({
      agentId: elizaAgentId,
      character: agent.character,
      adapter: this.database.adapterFor(elizaAgentId),
      plugins: this.plugins,
    });
    await runtime.initialize();
    const hosted: Hosted = { runtime, agent, connectedRooms: new Set(), toolActions: new Set() };
    this.hosted.set(agentId, hosted);
    this.events.built?.(agentId, performance.now() - started);
    while (this.hosted.size > this.settings.maxRuntimes) {
      const [oldest] = this.hosted.keys();
      await this.evict(oldest!);
    }
    return hosted;
  }
}
