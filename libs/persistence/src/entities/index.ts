import { Agent } from './agent.entity.js';
import { AgentChannel } from './agent-channel.entity.js';
import { AgentCharacter } from './agent-character.entity.js';
import { AgentContext } from './agent-context.entity.js';
import { AgentEvent } from './agent-event.entity.js';
import { ConnectInstance } from './connect-instance.entity.js';
import { ConversationMessage } from './conversation-message.entity.js';
import { Customer } from './customer.entity.js';
import { CustomerIdentity } from './customer-identity.entity.js';
import { EngineEvent } from './engine-event.entity.js';
import { EventDelivery } from './event-delivery.entity.js';
import { EventEndpoint } from './event-endpoint.entity.js';
import { ConnectPhoneNumber } from './connect-phone-number.entity.js';
import { Handoff } from './handoff.entity.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { PlatformSubscription } from './platform-subscription.entity.js';
import { ProvisioningOperation } from './provisioning-operation.entity.js';
import { ProvisioningStep } from './provisioning-step.entity.js';

export {
  Agent,
  AgentChannel,
  AgentCharacter,
  AgentContext,
  AgentEvent,
  ConnectInstance,
  ConnectPhoneNumber,
  ConversationMessage,
  Customer,
  CustomerIdentity,
  EngineEvent,
  EventDelivery,
  EventEndpoint,
  Handoff,
  IdempotencyKey,
  PlatformSubscription,
  ProvisioningOperation,
  ProvisioningStep,
};
export * from './conversation-message.entity.js';
export type { IdentityLink } from './customer-identity.entity.js';
export type { DeliveryAttempt } from './event-delivery.entity.js';
export type { HandoffKind, HandoffState } from './handoff.entity.js';
export type { ConnectInstanceStatus } from './connect-instance.entity.js';
export type { ConnectPhoneNumberStatus } from './connect-phone-number.entity.js';

export const ENTITIES = [
  Agent,
  AgentChannel,
  AgentCharacter,
  AgentContext,
  AgentEvent,
  ConnectInstance,
  ConnectPhoneNumber,
  ConversationMessage,
  Customer,
  CustomerIdentity,
  EngineEvent,
  EventDelivery,
  EventEndpoint,
  Handoff,
  IdempotencyKey,
  PlatformSubscription,
  ProvisioningOperation,
  ProvisioningStep,
];
