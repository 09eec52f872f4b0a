/**
 * A light structural check of Amazon Connect Flow language content, standing in for the validation Connect runs on
 * a published flow. It reports what Connect would refuse that a provisioning worker can plausibly get wrong:
 * the document shape, dangling transitions, duplicate identifiers, InvokeLambdaFunction parameters and the Lex bot of
 * ConnectParticipantWithLexBot.
 * It does not know every action type's parameters.
 */

export interface FlowCheckContext {
  /** Whether this Lambda ARN is associated with the flow's instance (AssociateLambdaFunction). */
  isLambdaAssociated(arn: string): boolean;
  /** Whether this Lex V2 bot alias is associated with the flow's instance (AssociateBot). */
  isBotAssociated(aliasArn: string): boolean;
}

export const MAX_FLOW_CONTENT = 256_000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems found in `content` (empty when the flow is acceptable). */
export function flowProblems(content: string, ctx: FlowCheckContext): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (e) {
    return [`Content is not valid JSON: ${(e as Error).message}`];
  }
  if (!isObject(doc)) return ['Content must be a JSON object with Version, StartAction and Actions.'];

  const problems: string[] = [];
  if (typeof doc.Version !== 'string' || doc.Version === '')
    problems.push('Version is required and must be a string (e.g. "2019-10-30").');
  if (typeof doc.StartAction !== 'string' || doc.StartAction === '')
    problems.push('StartAction is required and must be an action Identifier.');
  if (!Array.isArray(doc.Actions) || doc.Actions.length === 0) {
    problems.push('Actions is required and must be a non-empty list.');
    return problems;
  }

  const actions: Json[] = [];
  const ids = new Set<string>();
  doc.Actions.forEach((action, index) => {
    if (!isObject(action)) {
      problems.push(`Actions[${index}] must be an object.`);
      return;
    }
    const id = action.Identifier;
    if (typeof id !== 'string' || id === '') {
      problems.push(`Actions[${index}] has no Identifier.`);
    } else if (ids.has(id)) {
      problems.push(`Identifier '${id}' is used by more than one action.`);
    } else {
      ids.add(id);
    }
    if (typeof action.Type !== 'string' || action.Type === '') problems.push(`Action '${String(id)}' has no Type.`);
    if (action.Parameters !== undefined && !isObject(action.Parameters))
      problems.push(`Action '${String(id)}': Parameters must be an object.`);
    if (action.Transitions !== undefined && !isObject(action.Transitions))
      problems.push(`Action '${String(id)}': Transitions must be an object.`);
    actions.push(action);
  });

  if (typeof doc.StartAction === 'string' && doc.StartAction !== '' && !ids.has(doc.StartAction)) {
    problems.push(`StartAction '${doc.StartAction}' does not match any action Identifier.`);
  }

  for (const action of actions) {
    const id = String(action.Identifier);
    problems.push(...transitionProblems(id, action.Transitions, ids));
    if (action.Type === 'InvokeLambdaFunction') problems.push(...lambdaProblems(id, action.Parameters, ctx));
    if (action.Type === 'ConnectParticipantWithLexBot') problems.push(...lexProblems(id, action.Parameters, ctx));
  }
  return problems;
}

function transitionProblems(id: string, transitions: unknown, ids: Set<string>): string[] {
  if (!isObject(transitions)) return [];
  const problems: string[] = [];
  const target = (value: unknown, where: string) => {
    if (typeof value !== 'string' || !ids.has(value)) {
      problems.push(`Action '${id}': ${where} '${String(value)}' does not match any action Identifier.`);
    }
  };
  if (transitions.NextAction !== undefined) target(transitions.NextAction, 'Transitions.NextAction');
  for (const key of ['Errors', 'Conditions'] as const) {
    const list = transitions[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`Action '${id}': Transitions.${key} must be a list.`);
      continue;
    }
    list.forEach((entry, i) =>
      target(isObject(entry) ? entry.NextAction : undefined, `Transitions.${key}[${i}].NextAction`),
    );
  }
  return problems;
}

function lambdaProblems(id: string, parameters: unknown, ctx: FlowCheckContext): string[] {
  const p = isObject(parameters) ? parameters : {};
  const problems: string[] = [];
  const arn = p.LambdaFunctionARN;
  if (typeof arn !== 'string' || arn === '') {
    problems.push(`Action '${id}': InvokeLambdaFunction requires LambdaFunctionARN.`);
  } else if (arn.startsWith('arn:') && !ctx.isLambdaAssociated(arn)) {
    problems.push(`Action '${id}': Lambda function ${arn} is not associated with this instance.`);
  }
  const limit = p.InvocationTimeLimitSeconds;
  if (typeof limit !== 'string' || !/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > 8) {
    problems.push(
      `Action '${id}': InvocationTimeLimitSeconds must be a string holding an integer from 1 to 8; got ${JSON.stringify(limit)}.`,
    );
  }
  return problems;
}

function lexProblems(id: string, parameters: unknown, ctx: FlowCheckContext): string[] {
  const p = isObject(parameters) ? parameters : {};
  const bot = isObject(p.LexV2Bot) ? p.LexV2Bot : undefined;
  const arn = bot?.AliasArn;
  if (typeof arn !== 'string' || arn === '')
    return [`Action '${id}': ConnectParticipantWithLexBot requires LexV2Bot.AliasArn.`];
  const prompts = ['Text', 'SSML', 'PromptId'].filter((key) => p[key] !== undefined);
  const problems = prompts.length > 1 ? [`Action '${id}': ${prompts.join(', ')} are mutually exclusive.`] : [];
  if (arn.startsWith('arn:') && !ctx.isBotAssociated(arn)) {
    problems.push(`Action '${id}': Lex bot alias ${arn} is not associated with this instance.`);
  }
  const attributes = p.LexSessionAttributes;
  if (
    attributes !== undefined &&
    (!isObject(attributes) || Object.values(attributes).some((v) => typeof v !== 'string'))
  ) {
    problems.push(`Action '${id}': LexSessionAttributes must be a map of strings.`);
  }
  return problems;
}
