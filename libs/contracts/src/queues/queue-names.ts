/**
 * Every BullMQ queue of the engine, and the app that consumes it:
 * - `aws-connect`  -> apps/aws-connect-worker (Amazon Connect voice/SMS resources)
 * - `elizaos`      -> apps/elizaos-worker     (ElizaOS characters and runtimes)
 * - `context`      -> apps/context-service    (the agent's shared business context)
 * - `provisioning` -> apps/context-service    (finalises an operation once its channel steps have run)
 * All of them are produced by apps/api-gateway as one BullMQ flow per provisioning operation.
 */
export const QueueName = {
  AwsConnect: 'aws-connect',
  ElizaOS: 'elizaos',
  Context: 'context',
  Provisioning: 'provisioning',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];
