import type { Channel } from '../channels.js';
import type { DeliveryStatusEvent, InboundMedia } from '../webhooks/inbound-event.js';
import type { ChannelStepName, StepName } from '../provisioning-steps.js';
import type { KnowledgeCitation } from '../knowledge/passages.js';
import { QueueName } from './queue-names.js';

/** What every job of a provisioning operation carries. */
export interface ProvisioningJobData {
  operationId: string;
  agentId: string;
  vendorId: string;
  /** The HTTP request that started the operation; it follows the job into every app's logs. */
  requestId: string;
}

export interface ChannelStepJobData extends ProvisioningJobData {
  step: ChannelStepName;
  channels: Channel[];
}

/**
 * Removes an agent's Connect resources: as the step of a deletion (with its operation's step fields), or to
 * compensate an operation whose Connect channels failed.
 */
export interface ConnectDeprovisionJobData {
  agentId: string;
  vendorId: string;
  requestId: string;
  /** The operation that asked for it, if any. */
  operationId?: string;
  reason: 'compensation' | 'deletion';
  step?: ChannelStepName;
  channels?: Channel[];
}

/** Compares the Connect resources the engine recorded with the cloud and provisions again what vanished. */
export interface ConnectAuditJobData {
  requestId: string;
}

/** One earlier turn of a conversation, from any channel. */
export interface ConversationTurn {
  role: 'customer' | 'agent';
  channel: Channel;
  text: string;
  at: string;
}

/** A customer message for an agent to answer. */
export interface MessageReplyJobData {
  agentId: string;
  channel: Channel;
  customer: { id: string; name?: string };
  text: string;
  /** The platform's message id; a retried job is the same message. */
  messageId?: string;
  requestId?: string;
  /** The customer's recent turns from every channel, oldest first. */
  history?: ConversationTurn[];
  /** What the customer sent besides words (then `text` is its caption, possibly empty). */
  media?: InboundMedia[];
  /** When the reply must be ready (ISO 8601): a caller waits on the phone; tool calls end in time for it. */
  replyBy?: string;
}

export interface MessageReplyResult {
  reply: string;
  /** The agent passed the customer to a person (asked for, or a question it could not answer). */
  handoff: boolean;
  characterVersion: number;
  /** The document chunks the reply used (absent or empty when none). */
  citations?: KnowledgeCitation[];
  /** The agent's tool calls in the turn, by tool and status (the record is `tool_calls`). */
  toolCalls?: { tool: string; status: string }[];
  /** Which elizaos-worker replica answered (host name and process id). */
  replica: string;
}

/** A customer message the gateway recorded, to be tied to its customer and answered. */
export interface InboundMessageJobData {
  messageId: string;
  requestId?: string;
}

/** An agent answers again after a pause: what came in meanwhile is answered or marked for follow-up. */
export interface AgentResumedJobData {
  agentId: string;
  requestId?: string;
}

/** Records the agent's reply to an inbound message and delivers it (parent of that message's `message.reply`). */
export interface ConversationDeliverJobData {
  inboundMessageId: string;
  requestId?: string;
}

/** A person's reply to a handed-off customer, recorded by the gateway, to send on the customer's channel. */
export interface PersonReplyJobData {
  replyMessageId: string;
  /** The customer's latest message on that channel: the recipient and the reply window come from it. */
  inboundMessageId: string;
  requestId?: string;
}

/** What is left to erase of a customer outside Postgres (their jobs, ElizaOS's memory), once the record is erased. */
export interface CustomerForgetJobData {
  /** The `customer_erasures` row: the agent, the customer and the ids of their erased messages. */
  erasureId: string;
  requestId?: string;
}

/** Reads, splits and indexes one uploaded version of an agent's document, then makes it the one answering. */
export interface KnowledgeIndexJobData {
  versionId: string;
  requestId?: string;
}

/** Every job the engine runs: the queue it is on, its name and its payload. */
export type JobItem =
  | { queue: typeof QueueName.AwsConnect; name: 'connect.provision'; data: ChannelStepJobData }
  | { queue: typeof QueueName.AwsConnect; name: 'connect.deprovision'; data: ConnectDeprovisionJobData }
  | { queue: typeof QueueName.AwsConnect; name: 'connect.audit'; data: ConnectAuditJobData }
  | { queue: typeof QueueName.ElizaOS; name: 'elizaos.provision'; data: ChannelStepJobData }
  | { queue: typeof QueueName.ElizaOS; name: 'elizaos.deprovision'; data: ChannelStepJobData }
  | { queue: typeof QueueName.Context; name: 'context.initialise'; data: ChannelStepJobData }
  | { queue: typeof QueueName.Context; name: 'context.retire'; data: ChannelStepJobData }
  | { queue: typeof QueueName.Context; name: 'customer.forget'; data: CustomerForgetJobData }
  | { queue: typeof QueueName.Provisioning; name: 'provisioning.finalize'; data: ProvisioningJobData }
  | { queue: typeof QueueName.Messages; name: 'message.reply'; data: MessageReplyJobData }
  | { queue: typeof QueueName.Inbound; name: 'inbound.message'; data: InboundMessageJobData }
  | { queue: typeof QueueName.Inbound; name: 'inbound.status'; data: DeliveryStatusEvent }
  | { queue: typeof QueueName.Inbound; name: 'inbound.resume'; data: AgentResumedJobData }
  | { queue: typeof QueueName.Conversations; name: 'conversation.deliver'; data: ConversationDeliverJobData }
  | { queue: typeof QueueName.Conversations; name: 'conversation.person_reply'; data: PersonReplyJobData }
  | { queue: typeof QueueName.Knowledge; name: 'knowledge.index'; data: KnowledgeIndexJobData };

export type JobName = JobItem['name'];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>['data'];
export type JobNamesOf<Q extends QueueName> = Extract<JobItem, { queue: Q }>['name'];

/** The job names each queue carries; a consumer must handle exactly these. */
export const JOB_NAMES_BY_QUEUE: { [Q in QueueName]: readonly JobNamesOf<Q>[] } = {
  [QueueName.AwsConnect]: ['connect.provision', 'connect.deprovision', 'connect.audit'],
  [QueueName.ElizaOS]: ['elizaos.provision', 'elizaos.deprovision'],
  [QueueName.Context]: ['context.initialise', 'context.retire', 'customer.forget'],
  [QueueName.Provisioning]: ['provisioning.finalize'],
  [QueueName.Messages]: ['message.reply'],
  [QueueName.Inbound]: ['inbound.message', 'inbound.status', 'inbound.resume'],
  [QueueName.Conversations]: ['conversation.deliver', 'conversation.person_reply'],
  [QueueName.Knowledge]: ['knowledge.index'],
};

/** The queue and job that run each provisioning step (a new agent, or the difference an update needs). */
export const STEP_JOBS = {
  aws_connect: { queue: QueueName.AwsConnect, name: 'connect.provision' },
  elizaos: { queue: QueueName.ElizaOS, name: 'elizaos.provision' },
  context: { queue: QueueName.Context, name: 'context.initialise' },
  finalize: { queue: QueueName.Provisioning, name: 'provisioning.finalize' },
} as const satisfies Record<StepName, { queue: QueueName; name: JobName }>;

/** The queue and job that run each step of a deletion. */
export const DEPROVISION_STEP_JOBS = {
  aws_connect: { queue: QueueName.AwsConnect, name: 'connect.deprovision' },
  elizaos: { queue: QueueName.ElizaOS, name: 'elizaos.deprovision' },
  context: { queue: QueueName.Context, name: 'context.retire' },
  finalize: { queue: QueueName.Provisioning, name: 'provisioning.finalize' },
} as const satisfies Record<StepName, { queue: QueueName; name: JobName }>;

/**
 * Deterministic job id of one step of one operation, so a re-enqueued flow never runs a step twice.
 * BullMQ forbids ':' in custom ids.
 */
export function provisioningJobId(operationId: string, step: StepName): string {
  return `provision.${operationId}.${step}`;
}

/** One job per inbound message and stage, so a redelivered webhook or a retried step never answers twice. */
export const inboundJobId = (messageId: string) => `inbound.${messageId}`;
export const deliverJobId = (messageId: string) => `deliver.${messageId}`;
export const personReplyJobId = (replyMessageId: string) => `person-reply.${replyMessageId}`;
/** One drift audit per window of CONNECT_AUDIT_INTERVAL_MS, whichever replica asks for it. */
export const connectAuditJobId = (window: number) => `connect-audit.${window}`;
export const replyJobId = (messageId: string) => `reply.${messageId}`;
/** One indexing per uploaded version, whoever queues it (the gateway, or the reconciler when Redis was away). */
export const knowledgeIndexJobId = (versionId: string) => `knowledge.${versionId}`;
/** One forgetting per erasure, whoever queues it (the gateway, or the reconciler when Redis was away). */
export const forgetJobId = (erasureId: string) => `forget.${erasureId}`;

/** One compensation per operation and agent, however often the finalizer runs. */
export function compensationJobId(operationId: string, agentId: string): string {
  return `compensate.${operationId}.${agentId}`;
}
