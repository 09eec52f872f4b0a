import { Agent } from './agent.entity.js';
import { AgentChannel } from './agent-channel.entity.js';
import { AgentContext } from './agent-context.entity.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { ProvisioningOperation } from './provisioning-operation.entity.js';
import { ProvisioningStep } from './provisioning-step.entity.js';

export { Agent, AgentChannel, AgentContext, IdempotencyKey, ProvisioningOperation, ProvisioningStep };

export const ENTITIES = [Agent, AgentChannel, AgentContext, IdempotencyKey, ProvisioningOperation, ProvisioningStep];
