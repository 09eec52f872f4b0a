import { answerLocally, mediaReply, planToolUse, returningCustomerGreeting } from '@voca/local-answerer';
import { HAND_OFF_ACTION } from '../character/build-character.js';
import type { ElizaCore, ElizaPlugin } from './eliza-core.js';
import { hashEmbedding } from './hash-embedding.js';
import { observedCall, type ModelCallObserver } from './model-calls.js';
import { responseXml } from './response-xml.js';
import { phraseOutcome, toolActionName, toolChoiceOf } from './tool-actions.js';
import { currentTurn, type Turn } from './turn-context.js';

/**
 * The agent's tools, for the offline model: a call confirmed or declined by this message is told; a service request
 * it recognises (an order's status, a booking, a stock check) becomes a call its tool's action makes, or a question
 * for the argument still missing. Undefined when the tools have nothing to do with this message.
 */
async function toolAnswer(turn: Turn): Promise<string | undefined> {
  const tools = turn.tools;
  if (!tools) return undefined;
  const settled = tools.outcomes[0];
  if (settled) {
    const text = phraseOutcome(turn, settled);
    return responseXml({
      thought: `the customer's answer settled ${settled.tool}: ${settled.status}`,
      actions: turn.handoff ? ['REPLY', HAND_OFF_ACTION] : ['REPLY'],
      text,
    });
  }
  const plan = planToolUse({
    text: turn.text,
    tools: tools.available.map(toolChoiceOf),
    pending: tools.waiting
      ? { tool: tools.waiting.tool.name, arguments: tools.waiting.arguments, missing: tools.waiting.missing }
      : undefined,
    language: turn.profile.voice.language,
    customerName: turn.customerName,
    ...(turn.profile.timezone ? { timeZone: turn.profile.timezone } : {}),
  });
  if (plan.kind === 'none') return undefined;
  if (plan.kind === 'ask') {
    await tools.askFor(plan.tool, plan.arguments, plan.missing);
    return responseXml({
      thought: `${plan.tool} needs ${plan.missing.join(', ')}`,
      actions: ['REPLY'],
      text: plan.text,
    });
  }
  turn.plannedCall = { tool: plan.tool, arguments: plan.arguments };
  return responseXml({ thought: `calling ${plan.tool}`, actions: [toolActionName(plan.tool)], text: '' });
}

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
    const viaTool = await toolAnswer(turn);
    if (viaTool) return viaTool;
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
