import { Foundation1764086400000 } from './1764086400000-foundation.js';
import { ConnectResources1764172800000 } from './1764172800000-connect-resources.js';
import { AgentCharacters1764259200000 } from './1764259200000-agent-characters.js';
import { Conversations1764345600000 } from './1764345600000-conversations.js';
import { AgentLifecycle1764432000000 } from './1764432000000-agent-lifecycle.js';
import { PlatformSubscriptions1764518400000 } from './1764518400000-platform-subscriptions.js';
import { ConnectInstanceVanished1764691200000 } from './1764691200000-connect-instance-vanished.js';
import { CloudCheckedAt1764777600000 } from './1764777600000-cloud-checked-at.js';
import { AgentWebhookKeys1764864000000 } from './1764864000000-agent-webhook-keys.js';
import { SubscriptionsPerAgent1764950400000 } from './1764950400000-subscriptions-per-agent.js';
import { EventCallbacks1765036800000 } from './1765036800000-event-callbacks.js';
import { OperationRetries1765123200000 } from './1765123200000-operation-retries.js';
import { MessageMedia1765209600000 } from './1765209600000-message-media.js';
import { Handoffs1765296000000 } from './1765296000000-handoffs.js';
import { OperationCancel1765382400000 } from './1765382400000-operation-cancel.js';
import { DropAgentContexts1765468800000 } from './1765468800000-drop-agent-contexts.js';
import { Privacy1765555200000 } from './1765555200000-privacy.js';
import { Knowledge1765641600000 } from './1765641600000-knowledge.js';
import { AgentTools1765728000000 } from './1765728000000-agent-tools.js';

/** Every migration, oldest first. Listed explicitly so the compiled ESM build needs no glob loading. */
export const MIGRATIONS = [
  Foundation1764086400000,
  ConnectResources1764172800000,
  AgentCharacters1764259200000,
  Conversations1764345600000,
  AgentLifecycle1764432000000,
  PlatformSubscriptions1764518400000,
  ConnectInstanceVanished1764691200000,
  CloudCheckedAt1764777600000,
  AgentWebhookKeys1764864000000,
  SubscriptionsPerAgent1764950400000,
  EventCallbacks1765036800000,
  OperationRetries1765123200000,
  MessageMedia1765209600000,
  Handoffs1765296000000,
  OperationCancel1765382400000,
  DropAgentContexts1765468800000,
  Privacy1765555200000,
  Knowledge1765641600000,
  AgentTools1765728000000,
];
