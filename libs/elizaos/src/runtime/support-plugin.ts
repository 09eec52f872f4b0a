import { describeMessage } from '@voca/contracts';
import { HAND_OFF_ACTION } from '../character/build-character.js';
import type { ElizaAction, ElizaPlugin, ElizaProvider } from './eliza-core.js';
import { businessTime } from './business-time.js';
import { toolResultText } from './tool-results.js';
import { currentTurn } from './turn-context.js';

/** Of bootstrap's actions, a support agent only replies, stays quiet, or does nothing more. */
const SUPPORT_ACTIONS = new Set(['REPLY', 'NONE', 'IGNORE']);
/**
 * Of bootstrap's providers, those that describe the agent and the turn (no settings, roles or worlds). Its
 * RECENT_MESSAGES and ENTITIES are replaced by the conversation provider below: they read ElizaOS's memory of this
 * replica, which the engine's cross-channel history supersedes, and RECENT_MESSAGES also reads every other room the
 * agent is in (about 50 queries per message, growing with the number of customers). Its TIME (UTC) is replaced by
 * the business's own time.
 */
const SUPPORT_PROVIDERS = new Set(['CHARACTER', 'ACTIONS', 'ANXIETY']);

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

/**
 * The conversation as the prompt needs it, from the turn alone: the customer's earlier messages from every channel
 * (the engine's durable record), then the message being answered. Named as bootstrap's provider it stands in for,
 * so templates that place RECENT_MESSAGES place it.
 */
const conversationProvider: ElizaProvider = {
  name: 'RECENT_MESSAGES',
  description: "The customer's conversation with this business across all channels, and the message being answered",
  position: 100,
  get: async () => {
    const turn = currentTurn();
    if (!turn) return { text: '' };
    const lines = turn.history.map(
      (entry) => `[${entry.channel}] ${entry.role === 'customer' ? 'Customer' : 'You'}: ${entry.text}`,
    );
    const sections = [
      lines.length ? `# Conversation history with this customer (all channels, oldest first)\n${lines.join('\n')}` : '',
      `# Received Message\n[${turn.channel}] Customer: ${describeMessage(turn.text, turn.media)}`,
      `# Focus your response\nYou are replying to the above message from the customer${turn.customerName ? `, ${turn.customerName}` : ''}. Keep your answer relevant to that message.`,
    ];
    return {
      text: sections.filter(Boolean).join('\n\n'),
      values: { customerHistory: lines.join('\n'), recentMessage: describeMessage(turn.text, turn.media) },
    };
  },
};

/** Each passage as the prompt shows it: where it comes from (to cite), then its words. */
const PASSAGE_CHARS = 1_500;

/**
 * The chunks of the business's documents retrieved for this message, with their sources. What the model is given is
 * what the reply cites (the model is told to answer from them and never to invent beyond them).
 */
const knowledgeProvider: ElizaProvider = {
  name: 'KNOWLEDGE',
  description: "Passages of the business's own documents (catalog, policies, FAQs) that match the customer's message",
  position: 90,
  get: async () => {
    const turn = currentTurn();
    if (!turn || turn.knowledge.length === 0) return { text: '' };
    turn.sources = turn.knowledge;
    const passages = turn.knowledge.map(
      (passage, i) =>
        `[${i + 1}] ${passage.documentName} (version ${passage.version}, ${passage.location}): ${passage.title}\n` +
        passage.text.slice(0, PASSAGE_CHARS),
    );
    return {
      text:
        "# From the business's documents\nAnswer from these passages when they cover the question: quote prices, " +
        'sizes, colours and availability exactly as written. If they do not say, say you do not know and offer a ' +
        `person; never invent a price or a product.\n\n${passages.join('\n\n')}`,
      values: { knowledge: passages.join('\n\n') },
    };
  },
};

/**
 * Calls of the business's tools made before the model ran: what the customer's yes confirmed (or their no declined),
 * for the model to tell them. Calls the model makes itself come back to it as function results.
 */
const toolResultsProvider: ElizaProvider = {
  name: 'TOOL_RESULTS',
  description: "Results of the business's tools the customer asked for",
  position: 95,
  get: async () => {
    const outcomes = currentTurn()?.tools?.outcomes ?? [];
    if (outcomes.length === 0) return { text: '' };
    const lines = outcomes.map(
      (outcome) => `${outcome.tool}(${JSON.stringify(outcome.arguments)}): ${toolResultText(outcome)}`,
    );
    return {
      text:
        "# Results of the business's tools\nTell the customer what these say, in your own words; if a call failed, " +
        `apologise and offer a person, without technical details.\n${lines.join('\n')}`,
    };
  },
};

/** The current time in the business's time zone, named as bootstrap's provider it stands in for. */
const timeProvider: ElizaProvider = {
  name: 'TIME',
  description: 'The current date and time where the business is',
  get: async () => {
    const turn = currentTurn();
    const now = businessTime(turn?.profile ?? {});
    return { text: `# Current time\nIt is now ${now} for the business.`, values: { time: now } };
  },
};

/**
 * plugin-bootstrap restricted to what a support agent needs: its reply action and the providers describing the agent,
 * its services (embeddings), plus a hand-off action, the conversation from the turn and the passages of the business's
 * documents retrieved for it. Image generation, room
 * muting, settings, role changes and the reflection evaluator (an extra model call per message) are left out.
 */
export function supportPlugin(bootstrap: ElizaPlugin): ElizaPlugin {
  return {
    ...bootstrap,
    name: 'voca-support',
    description: 'Customer-service subset of @elizaos/plugin-bootstrap with hand-off and cross-channel history',
    actions: [...(bootstrap.actions ?? []).filter((action) => SUPPORT_ACTIONS.has(action.name)), handOffAction],
    providers: [
      ...(bootstrap.providers ?? []).filter((provider) => SUPPORT_PROVIDERS.has(provider.name)),
      conversationProvider,
      knowledgeProvider,
      toolResultsProvider,
      timeProvider,
    ],
    evaluators: [],
  };
}
