import { businessFacts } from '@voca/business';
import { isSocialChannel, type BusinessProfile, type Channel } from '@voca/contracts';
import { answerLocally } from '@voca/local-answerer';
import { elizaosAgentIdOf } from '../elizaos-agent-id.js';
import type { ElizaCharacter, ElizaMessageExample } from '../runtime/eliza-core.js';
import { pluginsFor } from './platform-plugins.js';
import { characterToneOf } from './tone.js';

/** The action a support agent uses to pass the conversation to a person. */
export const HAND_OFF_ACTION = 'HAND_OFF_TO_HUMAN';

const EXAMPLE_QUESTIONS = ['What are your store hours?', 'Do you take returns?', 'Can I talk to a person?'];

function systemPrompt(profile: BusinessProfile, facts: string[]): string {
  const { voice } = profile;
  const tone = characterToneOf(profile);
  const about = profile.description ? `: ${profile.description}` : '';
  return [
    `You are the customer-service assistant of ${profile.name}, a ${profile.business_type} business${about}.`,
    `Speak in a ${tone.name} tone. ${tone.style}` +
      (voice.personality ? ` Personality: ${voice.personality}.` : '') +
      (voice.response_style ? ` Response style: ${voice.response_style}.` : ''),
    `Answer in the language with tag "${voice.language ?? 'en'}" unless the customer writes in another language.`,
    'Rules:',
    '- Answer only from the business facts below and the conversation. When they do not cover a question, say you do not know and offer to connect the customer with a person.',
    '- Never invent prices, dates, stock, policies or promises. Never claim to be a person.',
    '- Keep replies short and in plain text: they are sent by SMS, WhatsApp, Messenger, Instagram and X, and read aloud on calls. No markdown, no emojis.',
    `- When the customer asks for a person or is upset, use the ${HAND_OFF_ACTION} action and say a team member will follow up.`,
    "- The conversation history holds the customer's earlier messages from every channel: use it, and do not ask again for what they already told you.",
    'Business facts:',
    ...facts.map((fact) => `- ${fact}`),
  ].join('\n');
}

function examplesOf(profile: BusinessProfile): ElizaMessageExample[][] {
  return EXAMPLE_QUESTIONS.map((question) => {
    const answer = answerLocally({ profile, text: question, firstContact: false });
    return [
      { name: '{{user1}}', content: { text: question } },
      { name: profile.name, content: { text: answer.text, actions: answer.handoff ? [HAND_OFF_ACTION] : ['REPLY'] } },
    ];
  });
}

/**
 * The ElizaOS character of an agent, from its business profile: the system prompt carries the tone, the rules and
 * every business fact (only `system` always reaches the model verbatim); bio, topics, style and examples shape the
 * voice; the facts are also kept as knowledge; plugins record the agent's social platforms. Every agent has one,
 * whatever its channels: voice and SMS turns are answered by the same character.
 */
export function buildCharacter(
  agentId: string,
  profile: BusinessProfile,
  channels: readonly Channel[],
): ElizaCharacter {
  const facts = businessFacts(profile);
  const tone = characterToneOf(profile);
  const { voice } = profile;
  const products = profile.products.map((product) => product.name);
  return {
    id: elizaosAgentIdOf(agentId),
    name: profile.name,
    username:
      profile.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_')
        .replace(/^_|_$/g, '')
        .slice(0, 32) || 'agent',
    system: systemPrompt(profile, facts),
    bio: [
      profile.description ?? `${profile.name} is a ${profile.business_type} business.`,
      `Answers ${profile.name}'s customers on ${channels.length ? channels.join(', ') : 'every channel'} with one memory of each customer.`,
      ...(profile.specialties.length ? [`Specialises in ${profile.specialties.join(', ')}.`] : []),
    ],
    topics: [...new Set([...products, ...profile.specialties, 'store hours', 'returns', 'shipping', 'orders'])],
    adjectives: [...new Set([...tone.adjectives, ...(voice.personality?.split(/[,;]\s*|\s+and\s+/) ?? [])])]
      .map((adjective) => adjective.trim())
      .filter(Boolean),
    knowledge: facts,
    plugins: pluginsFor(channels.filter(isSocialChannel)),
    messageExamples: examplesOf(profile),
    style: {
      all: [tone.style, 'Plain text only: no markdown, no emojis.', 'Short answers, a few sentences at most.'],
      chat: ['Answer the question first, then offer more help.', 'Offer a person when you cannot help.'],
    },
    settings: {
      voca: { agentId, businessType: profile.business_type, tone: tone.name, channels: [...channels] },
    },
  };
}
