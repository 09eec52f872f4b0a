/**
 * The local model's tools: recognising the common service requests in a customer's message and planning the call
 * (or the question for a missing argument), and phrasing what came back. Pure and deterministic; the engine makes the
 * calls, records them and handles confirmations.
 */
export { planToolUse, type PlanToolUseInput } from './plan-tool-use.js';
export { toolReply, type ToolReply, type ToolReplyInput } from './tool-reply.js';
export { recogniseToolIntents } from './recognise-request.js';
export type { PendingToolRequest, ToolChoice, ToolOutcomeForReply, ToolPlan, ToolTurnContext } from './tool-types.js';
