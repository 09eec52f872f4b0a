import { missingRequired, propertiesOf } from './argument-schema.js';
import { askText } from './ask-text.js';
import { todayOf, type CalendarDay } from './calendar.js';
import { fillArguments, type Filled } from './fill-arguments.js';
import { toolLanguage } from './language.js';
import { rolesOf } from './property-roles.js';
import { recogniseToolIntents } from './recognise-request.js';
import { readToolMessage, type ToolMessage } from './tool-message.js';
import type { PendingToolRequest, ToolChoice, ToolPlan, ToolTurnContext } from './tool-types.js';

export interface PlanToolUseInput extends ToolTurnContext {
  /** The customer's message this turn. */
  text: string;
  /** The agent's tools. */
  tools: ToolChoice[];
  /** What the agent asked the customer for in the previous turn, if it is still waiting for it. */
  pending?: PendingToolRequest;
}

/**
 * What the local model does with its tools this turn: call one, with the arguments read from the message; ask the
 * customer for a required argument still missing; or nothing (the message is no request a tool serves, or no tool
 * serves it). After a question, the message is first read as its answer; one that answers nothing is read afresh.
 */
export function planToolUse(input: PlanToolUseInput): ToolPlan {
  const message = readToolMessage(input.text);
  const tools = Array.isArray(input.tools) ? input.tools : [];
  const turn: Turn = {
    message,
    tools,
    context: input,
    today: todayOf(input.now instanceof Date ? input.now : new Date(), input.timeZone),
  };
  if (input.pending) {
    const continued = continuePending(turn, input.pending);
    if (continued) return continued;
  }
  for (const intent of recogniseToolIntents(message)) {
    const tool = tools.find((t) => t.intent === intent);
    if (tool) return planFor(turn, tool);
  }
  return { kind: 'none' };
}

interface Turn {
  message: ToolMessage;
  tools: ToolChoice[];
  context: ToolTurnContext;
  today: CalendarDay;
}

/** A message that only drops the request. */
const DISMISSAL =
  /^(?:no|nope|nah|never ?mind|nvm|forget (?:it|about it)|cancel|stop|not now|later|maybe later|no thanks|no thank you|dont worry|doesnt matter|i dont know|idk|dunno|olvidalo|dejalo|no importa|da igual|laisse tomber|pas grave|oublie|tant pis|deixa pra la|esquece|nao importa|vergiss es|egal|schon gut|nein)(?: (?:thanks|thank you|please|then|for now|its fine|ok|okay|gracias|merci|obrigado|obrigada|danke))*$/;

function continuePending(turn: Turn, pending: PendingToolRequest): ToolPlan | undefined {
  const tool = turn.tools.find((t) => t.name === pending.tool);
  if (!tool || DISMISSAL.test(turn.message.flat)) return undefined;
  const intents = recogniseToolIntents(turn.message);
  if (intents.length > 0 && (tool.intent === null || !intents.includes(tool.intent))) return undefined;
  const properties = propertiesOf(tool.parameters);
  const known = knownArguments(pending.arguments);
  const asked = Array.isArray(pending.missing) ? pending.missing.filter((m) => typeof m === 'string') : [];
  const answering = asked.length > 0 ? asked : missingRequired(properties, known);
  // Only the property asked for (the first missing) is read loosely: "yes" is no name, "4" no date.
  const answers = fill(turn, tool, answering.slice(0, 1));
  const fresh = fill(turn, tool);
  const gave = answering.filter((name) => answers.arguments[name] !== undefined || fresh.arguments[name] !== undefined);
  if (gave.length === 0) {
    // An answer the schema refuses is still an answer: say so and ask again, rather than drop the request.
    const refused = answering.find((name) => answers.rejected.includes(name) || fresh.rejected.includes(name));
    if (refused === undefined) return undefined;
    return ask(turn, tool, known, missingRequired(properties, known), { invalid: refused });
  }
  const merged = { ...fresh.arguments, ...known, ...answers.arguments };
  const missing = missingRequired(properties, merged);
  if (missing.length === 0) return { kind: 'call', tool: tool.name, arguments: merged };
  const invalid = [...answers.rejected, ...fresh.rejected].find((name) => name === missing[0]);
  return ask(turn, tool, merged, missing, { followUp: true, invalid });
}

function planFor(turn: Turn, tool: ToolChoice): ToolPlan {
  const filled = fill(turn, tool);
  const missing = missingRequired(propertiesOf(tool.parameters), filled.arguments);
  if (missing.length === 0) return { kind: 'call', tool: tool.name, arguments: filled.arguments };
  return ask(turn, tool, filled.arguments, missing, { invalid: filled.rejected.find((name) => name === missing[0]) });
}

function fill(turn: Turn, tool: ToolChoice, answering?: readonly string[]): Filled {
  return fillArguments({ message: turn.message, tool, today: turn.today, context: turn.context, answering });
}

function ask(
  turn: Turn,
  tool: ToolChoice,
  args: Record<string, unknown>,
  missing: string[],
  options: { followUp?: boolean; invalid?: string },
): ToolPlan {
  const properties = propertiesOf(tool.parameters);
  const first = properties.find((p) => p.name === missing[0]) ?? properties[0]!;
  const text = askText({
    property: first,
    role: rolesOf(properties, tool.intent).get(first.name) ?? 'other',
    intent: tool.intent,
    language: toolLanguage(turn.context.language),
    customerName: turn.context.customerName,
    followUp: options.followUp,
    invalid: options.invalid !== undefined && options.invalid === first.name,
  });
  return { kind: 'ask', tool: tool.name, arguments: args, missing, text };
}

function knownArguments(args: unknown): Record<string, unknown> {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return {};
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && value !== null));
}
