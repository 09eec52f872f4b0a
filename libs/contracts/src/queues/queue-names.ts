/**
 * Every BullMQ queue of the engine, and the app that consumes it:
 * - `aws-connect`  -> apps/aws-connect-worker (Amazon Connect voice/SMS resources)
 * - `elizaos`      -> apps/elizaos-worker     (ElizaOS characters and runtimes)
 * - `context`      -> apps/context-service    (the agent's shared business context)
 * - `provisioning` -> apps/context-service    (finalises an operation once its channel steps have run)
 * - `messages`     -> apps/elizaos-worker     (an agent answers a customer message)
 * - `inbound`      -> apps/context-service    (a webhook's message or delivery status, recorded by the gateway)
 * - `conversations`-> apps/context-service    (records an agent's reply and delivers it on its channel)
 * - `knowledge`    -> apps/context-service    (reads and indexes an agent's uploaded document)
 * The first four are produced by apps/api-gateway as one BullMQ flow per provisioning operation; `inbound` by the
 * gateway's webhooks; `conversations` + `messages` by the context-service as one flow per customer message;
 * `knowledge` by the gateway, one job per uploaded document version.
 */
export const QueueName = {
  AwsConnect: 'aws-connect',
  ElizaOS: 'elizaos',
  Context: 'context',
  Provisioning: 'provisioning',
  Messages: 'messages',
  Inbound: 'inbound',
  Conversations: 'conversations',
  Knowledge: 'knowledge',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/**
 * The queues each worker app can consume. A process consumes all of its app's queues unless `WORKER_QUEUES` names
 * some of them: one image then runs any role (e.g. a context-service for `inbound,conversations` only).
 */
export const QUEUES_CONSUMED_BY = {
  'aws-connect-worker': [QueueName.AwsConnect],
  'elizaos-worker': [QueueName.ElizaOS, QueueName.Messages],
  'context-service': [
    QueueName.Context,
    QueueName.Provisioning,
    QueueName.Inbound,
    QueueName.Conversations,
    QueueName.Knowledge,
  ],
} as const satisfies Record<string, readonly QueueName[]>;
