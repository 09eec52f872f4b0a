import { HAND_OFF_ACTION } from '../character/build-character.js';
import type { ElizaAction, ElizaPlugin, ElizaProvider } from './eliza-core.js';
import { currentTurn } from './turn-context.js';

/** Of bootstrap's actions, a support agent only replies, stays quiet, or does nothing more. */
const SUPPORT_ACTIONS = new Set(['REPLY', 'NONE', 'IGNORE']);
/** Of bootstrap's providers, those that describe the agent and the conversation (no settings, roles or worlds). */
const SUPPORT_PROVIDERS = new Set(['CHARACTER', 'RECENT_MESSAGES', 'ACTIONS', 'ENTITIES', 'TIME', 'ANXIETY']);

const handOffAction: ElizaAction = {
  name: HAND_OFF_ACTION,
  similes: ['TRANSFER_TO_HUMAN', 'ESCALATE', 'CONNECT_TO_PERSON'],
  description:
    'Pass the conversation to a person on the business team. Use it when the customer asks for a person, is upset, or needs something the business facts do not cover. Combine with REPLY to tell the customer.',
  validate: async () => true,
  handler: async () => {
    const turn = currentTurn();
    if (turn) turn.handoff = true;
    return { success: true, text: 'handed off to a person' };
  },
};

/** The customer's earlier messages from every channel, which ElizaOS's own memory of this replica does not have. */
const customerHistoryProvider: ElizaProvider = {
  name: 'CUSTOMER_HISTORY',
  description: "The customer's recent conversation with this business across all channels",
  position: 5,
  get: async () => {
    const turn = currentTurn();
    if (!turn?.history.length) return { text: '' };
    const lines = turn.history.map((entry) => `[${entry.channel}] ${entry.role === 'customer' ? 'Customer' : 'You'}: ${entry.text}`);
    return {
      text: `# Conversation history with this customer (all channels, oldest first)\n${lines.join('\n')}`,
      values: { customerHistory: lines.join('\n') },
    };
  },
};

/**
 * plugin-bootstrap restricted to what a support agent needs: its reply action and conversation providers, its
 * services (embeddings), plus a hand-off action and the cross-channel history. Image generation, room muting,
 * settings, role changes and the reflection evaluator (an extra model call per message) are left out.
 */
export function supportPlugin(bootstrap: ElizaPlugin): ElizaPlugin {
  return {
    ...bootstrap,
    name: 'voca-support',
    description: 'Customer-service subset of @elizaos/plugin-bootstrap with hand-off and cross-channel history',
    actions: [...(bootstrap.actions ?? []).filter((action) => SUPPORT_ACTIONS.has(action.name)), handOffAction],
    providers: [...(bootstrap.providers ?? []).filter((provider) => SUPPORT_PROVIDERS.has(provider.name)), customerHistoryProvider],
    evaluators: [],
  };
}
