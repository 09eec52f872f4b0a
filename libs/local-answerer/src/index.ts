/**
 * The "local" model provider (MODEL_PROVIDER=local), the offline default when no LLM account is configured: a
 * deterministic customer-service answerer that replies from the business's own facts, and from the passages of its
 * documents retrieved for the message (`LocalTurn.knowledge`, cited back in `LocalAnswer.sources`), and hands over to
 * a person when it does not know. It is not a language model.
 */
export { answerLocally, type LocalAnswer, type LocalTurn } from './local-answerer.js';
export { toneOf, type Tone } from './tone.js';
export { returningCustomerGreeting } from './returning-caller.js';
export { mediaReply, type MediaReply } from './media-reply.js';
export {
  planToolUse,
  recogniseToolIntents,
  toolReply,
  type PendingToolRequest,
  type PlanToolUseInput,
  type ToolChoice,
  type ToolOutcomeForReply,
  type ToolPlan,
  type ToolReply,
  type ToolReplyInput,
  type ToolTurnContext,
} from './tools/index.js';
