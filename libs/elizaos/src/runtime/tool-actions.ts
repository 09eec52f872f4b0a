import { toolReply, type ToolChoice } from '@voca/local-answerer';
import type { RegisteredTool, ToolOutcome } from '@voca/tools';
import type { ElizaAction } from './eliza-core.js';
import { currentTurn, type Turn } from './turn-context.js';

/** The ElizaOS action of a tool: its name in capitals, prefixed so no tool shadows one of bootstrap's. */
export function toolActionName(toolName: string): string {
  return `TOOL_${toolName.toUpperCase()}`;
}

/** A registered tool as the offline model reads it. */
export function toolChoiceOf(tool: RegisteredTool): ToolChoice {
  return {
    name: tool.name,
    description: tool.description,
    intent: tool.intent,
    parameters: tool.parameters,
    requiresConfirmation: tool.requiresConfirmation,
  };
}

/** The reply to a tool's outcome, in the offline model's words; a failure that asks for a person hands off. */
export function phraseOutcome(turn: Turn, outcome: ToolOutcome): string {
  const tool = turn.tools?.byName(outcome.tool);
  if (!tool) return '';
  const reply = toolReply({
    outcome,
    tool: toolChoiceOf(tool),
    handoffOnFailure: tool.handoffOnFailure,
    language: turn.profile.voice.language,
    customerName: turn.customerName,
  });
  if (reply.handoff) turn.handoff = true;
  return reply.text;
}

/**
 * A tool of the agent as an ElizaOS action. ElizaOS runs it after the model named it (the offline model does, having
 * recognised the request and read its arguments from the message); the call goes through the turn's tools (checked,
 * bounded, recorded) and the action's reply is the outcome phrased for the customer. It is offered only in the turn
 * that planned it, so no model picks a tool the turn did not prepare.
 */
export function toolAction(toolName: string): ElizaAction {
  return {
    name: toolActionName(toolName),
    description: `Calls the business's ${toolName} tool with the arguments read from the customer's message`,
    validate: async () => currentTurn()?.plannedCall?.tool === toolName,
    handler: async (_runtime, _message, _state, _options, callback) => {
      const turn = currentTurn();
      const planned = turn?.plannedCall;
      if (!turn?.tools || planned?.tool !== toolName) return { success: false, text: 'no call planned' };
      const outcome = await turn.tools.call(planned.tool, planned.arguments);
      const text = phraseOutcome(turn, outcome);
      await callback?.({ text, actions: ['REPLY'] });
      return { success: outcome.status === 'ok', text: `${toolName}: ${outcome.status}` };
    },
  };
}
