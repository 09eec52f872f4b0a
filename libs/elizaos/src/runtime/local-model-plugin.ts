import { answerLocally, mediaReply, returningCustomerGreeting } from '@voca/local-answerer';
import { HAND_OFF_ACTION } from '../character/build-character.js';
import type { ElizaCore, ElizaPlugin } from './eliza-core.js';
import { hashEmbedding } from './hash-embedding.js';
import { observedCall, type ModelCallObserver } from './model-calls.js';
import { responseXml } from './response-xml.js';
import { currentTurn } from './turn-context.js';

/**
 * MODEL_PROVIDER=local: the offline default. Not a language model: it answers deterministically from the business's
 * own facts (hours, policies, products, contact...), greets in the agent's tone, says when it does not know and
 * offers a person. It answers in the XML form ElizaOS's message service expects.
 */
export function localModelPlugin(models: ElizaCore['ModelType'], observe?: ModelCallObserver): ElizaPlugin {
  const compose = async () => {
    const turn = currentTurn();
    if (!turn) return responseXml({ thought: 'no customer message to answer', actions: ['IGNORE'], text: '' });
    if (!turn.text.trim() && turn.media?.length) {
      const reply = mediaReply(turn.profile, turn.media, turn.customerName);
      return responseXml({
        thought: 'media without words',
        actions: reply.handoff ? ['REPLY', HAND_OFF_ACTION] : ['REPLY'],
        text: reply.text,
      });
    }
    if (!turn.text.trim()) {
      const greeting = returningCustomerGreeting(turn);
      if (greeting)
        return responseXml({
          thought: 'a returning customer opened a new channel',
          actions: ['REPLY'],
          text: greeting,
        });
    }
    const answer = answerLocally({
      profile: turn.profile,
      text: turn.text,
      customerName: turn.customerName,
      firstContact: turn.history.length === 0,
      history: turn.history.map(({ role, text }) => ({ role, text })),
      knowledge: turn.knowledge,
    });
    turn.sources = answer.sources;
    return responseXml({
      thought: `answering from the business facts (${answer.topics.join(', ')})`,
      actions: answer.handoff ? ['REPLY', HAND_OFF_ACTION] : ['REPLY'],
      text: answer.text,
    });
  };
  const respond = () => observedCall(observe, { provider: 'local', model: 'local' }, compose);
  return {
    name: 'voca-local-model',
    description: 'Offline, deterministic answers from the business facts',
    models: {
      [models.TEXT_SMALL]: respond,
      [models.TEXT_LARGE]: respond,
      [models.TEXT_EMBEDDING]: async (_runtime, params) => hashEmbedding(String(params?.text ?? '')),
    },
  };
}
